package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the machine's real openssl, as the launcher runs it. */
class ClusterCertificatesTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void firstStartMakesACaAndOneCertificatePerServerThatTheCaVerifies() throws Exception {
        Path tls = home.resolve("secrets/tls");
        Topology topology = topology("127.0.0.1");

        certificates(tls).ensure(topology);

        assertThat(Files.getPosixFilePermissions(tls)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(tls.resolve("ca.pem")).exists();
        assertThat(Files.getPosixFilePermissions(tls.resolve("ca-key.pem"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        for (String server : List.of("master1", "master2", "replica1", "replica2")) {
            Path certificate = tls.resolve("db-" + server + "-cert.pem");
            assertThat(Files.getPosixFilePermissions(tls.resolve("db-" + server + "-key.pem")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(openssl("verify", "-CAfile", tls.resolve("ca.pem").toString(), certificate.toString()))
                    .contains(certificate + ": OK");
            assertThat(openssl("x509", "-in", certificate.toString(), "-noout", "-ext", "subjectAltName"))
                    .contains("IP Address:127.0.0.1", "DNS:127.0.0.1", "DNS:" + server);
            assertThat(Files.readString(tls.resolve("db-" + server + "-key.pem"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        }
        assertThat(openssl("x509", "-in", tls.resolve("ca.pem").toString(), "-noout", "-ext", "basicConstraints")).contains("CA:TRUE");
        try (var left = Files.list(tls)) {
            assertThat(left.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".csr") || name.endsWith(".ext"));
        }
    }

    @Test
    void laterStartsKeepWhatIsThereAndRenewOnlyCertificatesWhoseAddressesChanged() throws Exception {
        Path tls = home.resolve("secrets/tls");
        certificates(tls).ensure(topology("127.0.0.1"));
        String ca = Files.readString(tls.resolve("ca.pem"));
        String master1 = Files.readString(tls.resolve("db-master1-cert.pem"));

        certificates(tls).ensure(topology("127.0.0.1"));
        assertThat(Files.readString(tls.resolve("ca.pem"))).isEqualTo(ca);
        assertThat(Files.readString(tls.resolve("db-master1-cert.pem"))).isEqualTo(master1);

        certificates(tls).ensure(topology("127.0.0.2"));
        assertThat(Files.readString(tls.resolve("ca.pem"))).as("the same CA: clients keep trusting").isEqualTo(ca);
        assertThat(Files.readString(tls.resolve("db-master1-cert.pem"))).isNotEqualTo(master1);
        assertThat(openssl("x509", "-in", tls.resolve("db-master1-cert.pem").toString(), "-noout", "-ext", "subjectAltName"))
                .contains("IP Address:127.0.0.2");
    }

    @Test
    void theJdbcUrlsOfTheLauncherVerifyTheClusterCa() {
        Path tls = home.resolve("secrets/tls");

        assertThat(ClusterDatabase.url(tls, "127.0.0.1", 13311, "verbund"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:13311/verbund?connectTimeout=3000&sslMode=verify-full&serverSslCert=" + tls.resolve("ca.pem"));
    }

    private ClusterCertificates certificates(Path tls) {
        return new ClusterCertificates(tls, SystemPrograms.find("openssl").orElseThrow(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private Topology topology(String virtualIp) throws Exception {
        Path file = home.resolve("topology-" + virtualIp + ".yaml");
        try (InputStream builtIn = getClass().getResourceAsStream("/io/verbund/acd/lbconfig/local.yaml")) {
            Files.writeString(file, new String(builtIn.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("virtualIp: 127.0.0.1", "virtualIp: " + virtualIp));
        }
        return new TopologyReader().read(file);
    }

    private static String openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
