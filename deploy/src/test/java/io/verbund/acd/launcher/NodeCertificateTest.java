package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCertificateTest {

    private static final Clock NOW = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void makesASelfSignedCertificateForTheAddressesWithOwnerOnlyKeyFiles() throws Exception {
        NodeCertificate made = NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1", "localhost"), NOW);

        X509Certificate certificate = made.certificate();
        assertThat(made.selfSigned()).isTrue();
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=node-a");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
                .containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(made.notAfter()).isAfter(NOW.instant().plus(Duration.ofDays(390)));
        for (String secret : List.of(NodeCertificate.KEYSTORE, NodeCertificate.PASSWORD, NodeCertificate.PRIVATE_KEY_PEM,
                NodeCertificate.CERTIFICATE_AND_KEY_PEM)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(secret)))).as(secret).isEqualTo("rw-------");
        }
    }

    @Test
    void thePemFilesHoldTheSameCertificateAndItsKey() throws Exception {
        NodeCertificate made = NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), NOW);

        X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(made.certificatePem())));
        assertThat(fromPem).isEqualTo(made.certificate());
        String key = Files.readString(made.privateKeyPem());
        byte[] der = Base64.getMimeDecoder().decode(key.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)).getEncoded())
                .isEqualTo(der);
        assertThat(Files.readString(made.certificateAndKeyPem()))
                .isEqualTo(Files.readString(made.certificatePem()) + key);
    }

    @Test
    void theFingerprintIsOpenSslsSha256() throws Exception {
        NodeCertificate made = NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), NOW);

        Process openssl = new ProcessBuilder("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in",
                made.certificatePem().toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(output).endsWith("=" + made.fingerprint());
        assertThat(made.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void isKeptAcrossStartsAndMadeAnewWhenMissingOrExpiringSoon() throws Exception {
        String first = NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), NOW).fingerprint();

        assertThat(NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), NOW).fingerprint()).isEqualTo(first);

        Clock nearTheEnd = Clock.offset(NOW, NodeCertificate.VALIDITY.minus(NodeCertificate.RENEW_BEFORE).plusDays(1));
        String renewed = NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), nearTheEnd).fingerprint();
        assertThat(renewed).isNotEqualTo(first);

        Files.delete(folder.resolve(NodeCertificate.KEYSTORE));
        assertThat(NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), NOW).fingerprint()).isNotEqualTo(renewed);
    }

    @Test
    void aKeystoreWhosePasswordDoesNotFitIsReplaced() throws Exception {
        String first = NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), NOW).fingerprint();
        Files.writeString(folder.resolve(NodeCertificate.PASSWORD), "not-the-password\n");

        NodeCertificate again = NodeCertificate.ensure(folder, "node-a", List.of("127.0.0.1"), NOW);

        assertThat(again.fingerprint()).isNotEqualTo(first);
        assertThat(NodeCertificate.read(folder)).isNotNull();
    }
}
