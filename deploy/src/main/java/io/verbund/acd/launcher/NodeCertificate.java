package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS certificate of one home folder (a demo, a cluster node, a cluster's haproxy): a
 * self-signed certificate made with the JDK's keytool on first start, kept across restarts and made
 * anew when it is missing, unreadable or expires within {@link #RENEW_BEFORE}. An operator replaces
 * it with a real one by putting their own PKCS#12 file and its password in the folder (see
 * docs/security.md); it is kept as long as it does not expire soon.
 *
 * <p>The keystore is the source; the PEM files beside it are written from it on every start, for
 * the programs that read PEM: {@code certificate.pem} (what clients trust, e.g. {@code curl
 * --cacert}), {@code private-key.pem} (PKCS#8) and {@code certificate-and-key.pem} (both, as haproxy
 * reads them). Everything but the certificate is readable only by its owner.
 */
public final class NodeCertificate {

    /** The keystore (PKCS#12) with the one key entry. */
    public static final String KEYSTORE = "verbund.p12";
    /** The keystore's password, generated with the certificate. */
    public static final String PASSWORD = "keystore-password";
    public static final String CERTIFICATE_PEM = "certificate.pem";
    public static final String PRIVATE_KEY_PEM = "private-key.pem";
    public static final String CERTIFICATE_AND_KEY_PEM = "certificate-and-key.pem";
    /** How long a generated certificate is valid: the longest browsers accept for a server certificate. */
    public static final Duration VALIDITY = Duration.ofDays(397);
    /** A certificate expiring sooner than this is replaced at the next start. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String ALIAS = "verbund";
    private static final String OWNER_ONLY = "rw-------";

    private final Path folder;
    private final String password;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private NodeCertificate(Path folder, String password, X509Certificate certificate, PrivateKey privateKey) {
        this.folder = folder;
        this.password = password;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /**
     * The certificate in {@code folder}, made first if missing or expiring.
     *
     * @param commonName the subject's CN, e.g. the node's name
     * @param addresses the IP addresses and host names clients reach it at (subject alternative names)
     */
    public static NodeCertificate ensure(Path folder, String commonName, List<String> addresses, Clock clock) {
        try {
            Files.createDirectories(folder);
            NodeCertificate existing = read(folder);
            boolean current = existing != null
                    && existing.certificate.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
            NodeCertificate certificate = current ? existing : generate(folder, commonName, addresses);
            certificate.writePemFiles();
            return certificate;
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot prepare the TLS certificate in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The certificate in {@code folder} as it is, or null when there is none or it cannot be read. */
    static NodeCertificate read(Path folder) {
        Path keyStore = folder.resolve(KEYSTORE);
        Path passwordFile = folder.resolve(PASSWORD);
        if (!Files.isRegularFile(keyStore) || !Files.isRegularFile(passwordFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            String password = Files.readString(passwordFile).strip();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, password.toCharArray());
                Certificate certificate = store.getCertificate(alias);
                if (key instanceof PrivateKey privateKey && certificate instanceof X509Certificate x509) {
                    return new NodeCertificate(folder, password, x509, privateKey);
                }
            }
            return null;
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    private static NodeCertificate generate(Path folder, String commonName, List<String> addresses) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path fresh = folder.resolve(KEYSTORE + ".new");
        Files.deleteIfExists(fresh);
        List<String> names = new ArrayList<>();
        for (String address : addresses) {
            names.add((address.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + address);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-validity", Long.toString(VALIDITY.toDays()),
                "-dname", "CN=" + commonName.replaceAll("[,=+\"\\\\<>;]", "-") + ", O=Verbund ACD",
                "-ext", "ExtendedKeyUsage=serverAuth,clientAuth",
                "-keystore", fresh.toString(), "-storetype", "PKCS12",
                // From the environment: a password on a command line is visible to every user of the machine.
                "-storepass:env", "VERBUND_KEYSTORE_PASSWORD", "-keypass:env", "VERBUND_KEYSTORE_PASSWORD", "-noprompt"));
        if (!names.isEmpty()) {
            command.addAll(List.of("-ext", "SAN=" + String.join(",", names)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VERBUND_KEYSTORE_PASSWORD", password);
        try {
            Process keytool = builder.start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        ownerOnly(fresh);
        Path passwordFile = folder.resolve(PASSWORD);
        writeOwnerOnly(passwordFile, password + "\n");
        Files.move(fresh, folder.resolve(KEYSTORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        NodeCertificate made = read(folder);
        if (made == null) {
            throw new IOException("keytool wrote a keystore that cannot be read back");
        }
        return made;
    }

    private void writePemFiles() throws IOException {
        String certificatePem = pem("CERTIFICATE", encoded(certificate));
        String keyPem = pem("PRIVATE KEY", privateKey.getEncoded());
        Files.writeString(folder.resolve(CERTIFICATE_PEM), certificatePem);
        writeOwnerOnly(folder.resolve(PRIVATE_KEY_PEM), keyPem);
        writeOwnerOnly(folder.resolve(CERTIFICATE_AND_KEY_PEM), certificatePem + keyPem);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
        }
        ownerOnly(file);
        Files.writeString(file, text);
    }

    private static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Path keyStore() {
        return folder.resolve(KEYSTORE);
    }

    /** The keystore's password: hand it to servers in the environment, never on a command line. */
    public String password() {
        return password;
    }

    public Path certificatePem() {
        return folder.resolve(CERTIFICATE_PEM);
    }

    public Path privateKeyPem() {
        return folder.resolve(PRIVATE_KEY_PEM);
    }

    public Path certificateAndKeyPem() {
        return folder.resolve(CERTIFICATE_AND_KEY_PEM);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** True for the generated kind; false once an operator has put a certificate from a CA in its place. */
    public boolean selfSigned() {
        return certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** SHA-256 of the certificate, as browsers and {@code openssl x509 -fingerprint -sha256} show it: {@code AB:CD:...}. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded(certificate));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** A TLS context that trusts this certificate and nothing else: for clients of this node (tests, the launcher). */
    public SSLContext trustingOnlyThis() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context for " + certificate.getSubjectX500Principal(), e);
        }
    }

    @Override
    public String toString() {
        return certificate.getSubjectX500Principal() + " (SHA-256 " + fingerprint() + ", until " + notAfter() + ")";
    }
}
