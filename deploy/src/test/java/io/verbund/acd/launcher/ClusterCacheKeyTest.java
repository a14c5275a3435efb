package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCacheKeyTest {

    @TempDir
    Path home;

    @Test
    void firstStartMakesAnOwnerOnlyPkcs12StoreWithOneAes256KeyThatLaterStartsKeep() throws Exception {
        DemoHome clusterHome = new DemoHome(home);
        Path tls = home.resolve("secrets/tls");
        ClusterCacheKey key = new ClusterCacheKey(tls, clusterHome.clusterKeyPassword());

        key.ensure();

        Path store = tls.resolve("cluster-cache.p12");
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, clusterHome.clusterKeyPassword().toCharArray());
        }
        KeyStore.Entry entry = keys.getEntry("verbund-cluster-cache", new KeyStore.PasswordProtection(clusterHome.clusterKeyPassword().toCharArray()));
        assertThat(entry).isInstanceOf(KeyStore.SecretKeyEntry.class);
        SecretKey secret = ((KeyStore.SecretKeyEntry) entry).getSecretKey();
        assertThat(secret.getAlgorithm()).isEqualTo("AES");
        assertThat(secret.getEncoded()).hasSize(32);

        new ClusterCacheKey(tls, clusterHome.clusterKeyPassword()).ensure();
        assertThat(new ClusterCacheKey(tls, clusterHome.clusterKeyPassword()).key()).get()
                .extracting(SecretKey::getEncoded).isEqualTo(secret.getEncoded());
        assertThat(clusterHome.clusterKeyPassword()).as("a home's own password, not a constant")
                .isNotEqualTo(new DemoHome(home.resolve("other")).clusterKeyPassword());
    }

    @Test
    void aStoreThatDoesNotOpenWithTheHomesPasswordIsReplaced() throws Exception {
        Path tls = home.resolve("secrets/tls");
        new ClusterCacheKey(tls, "an-older-password-1").ensure();

        ClusterCacheKey current = new ClusterCacheKey(tls, "the-current-password-2");
        assertThat(current.key()).isEmpty();
        current.ensure();

        assertThat(current.key()).isPresent();
    }
}
