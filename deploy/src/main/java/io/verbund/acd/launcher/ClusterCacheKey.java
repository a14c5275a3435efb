package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.mariadb.DatabaseTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The AES key that encrypts the cluster cache's traffic (JGroups SYM_ENCRYPT in every node's
 * generated script): generated at the first start of a cluster home into
 * {@code secrets/tls/}{@value DatabaseTls#CLUSTER_KEY_STORE} (0600), a PKCS#12 store whose
 * password is another of the home's secrets ({@code secrets/cluster-key.properties}) and reaches
 * WildFly in the environment only. Every node started from this home gets the same key; a JGroups
 * member without it cannot join.
 */
final class ClusterCacheKey {

    static final int KEY_BITS = 256;

    private final Path store;
    private final String password;

    ClusterCacheKey(Path tlsDir, String password) {
        this.store = DatabaseTls.clusterKeyStore(tlsDir);
        this.password = password;
    }

    /** The key store's password, for the nodes' environment ({@value DatabaseTls#CLUSTER_KEY_PASSWORD_ENV}). */
    String password() {
        return password;
    }

    Path store() {
        return store;
    }

    /** Creates the key store unless one that opens with this password and holds the key is there. */
    void ensure() {
        try {
            if (Files.isRegularFile(store) && key().isPresent()) {
                DemoHome.ownerOnly(store);
                return;
            }
            Files.createDirectories(store.getParent());
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BITS);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setEntry(DatabaseTls.CLUSTER_KEY_ALIAS, new KeyStore.SecretKeyEntry(generator.generateKey()),
                    new KeyStore.PasswordProtection(password.toCharArray()));
            Path written = store.resolveSibling(store.getFileName() + ".new");
            Files.deleteIfExists(written);
            Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(written, StandardOpenOption.TRUNCATE_EXISTING)) {
                keys.store(out, password.toCharArray());
            }
            Files.move(written, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cluster cache key " + store, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES and PKCS#12", e);
        }
    }

    /** The key in the store, as WildFly will read it; empty when the store does not open with this password. */
    java.util.Optional<SecretKey> key() throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            KeyStore.Entry entry = keys.getEntry(DatabaseTls.CLUSTER_KEY_ALIAS, new KeyStore.PasswordProtection(password.toCharArray()));
            return entry instanceof KeyStore.SecretKeyEntry secret ? java.util.Optional.of(secret.getSecretKey()) : java.util.Optional.empty();
        } catch (GeneralSecurityException | IOException e) {
            return java.util.Optional.empty();
        }
    }
}
