package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.ExitCode;
import io.verbund.acd.launcher.NodePorts;
import io.verbund.acd.launcher.ServiceHealth;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path through the real {@code ./verbund} script: demo until ready, status, a
 * refused second start, stop from another shell, and nothing of ours left running.
 */
class LauncherScriptIT {

    private static final int PORT_OFFSET = 300;

    @TempDir
    Path home;

    @Test
    void demoBecomesReadyRefusesASecondStartAndStopLeavesNothingRunning() throws Exception {
        Path demoOutput = home.resolve("demo.out");
        Process demo = verbund("demo", "--home", home.toString(), "--port-offset", Integer.toString(PORT_OFFSET), "--trunk", "sip:127.0.0.1:5999")
                .redirectErrorStream(true).redirectOutput(demoOutput.toFile()).start();
        try {
            awaitLine(demo, demoOutput, "is ready", Duration.ofMinutes(5));
            String banner = Files.readString(demoOutput);
            assertThat(banner).contains("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/")
                    .contains("127.0.0.1:" + (5060 + PORT_OFFSET))
                    .contains("admin@demo / demo-admin")
                    .contains("caller.xml -s +4930500100").contains("agent-register.xml -s 1001")
                    .contains("Outbound trunk        sip:127.0.0.1:5999: agents call");
            // The HTTPS address, and the fingerprint of the certificate the node really presents.
            java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                            new java.io.ByteArrayInputStream(Files.readAllBytes(home.resolve("tls/certificate.pem"))));
            assertThat(banner).contains("https://127.0.0.1:" + (8443 + PORT_OFFSET) + "/")
                    .contains("SHA-256 " + io.verbund.acd.launcher.NodeCertificate.fingerprint(certificate))
                    .contains("SIP over TLS 127.0.0.1:" + (5061 + PORT_OFFSET));
            ServiceHealth health = new ServiceHealth(new NodePorts(PORT_OFFSET));
            assertThat(health.endpoints()).allSatisfy(endpoint -> assertThat(health.probe(endpoint).up()).isTrue());

            Run status = run("status", "--home", home.toString());
            assertThat(status.exit).isEqualTo(0);
            assertThat(status.output).contains("web-portal").contains("UP").doesNotContain("DOWN")
                    .containsPattern("edge Kamailio +UP +pid \\d+, SIP over WebSocket ws " + (8088 + PORT_OFFSET) + ", wss " + (8089 + PORT_OFFSET))
                    .containsPattern("edge rtpengine +UP +pid \\d+, control " + (22222 + PORT_OFFSET))
                    .contains("browser softphones connected: 0");
            try (SoftphoneSocket browser = SoftphoneSocket.open(URI.create("ws://127.0.0.1:" + (8088 + PORT_OFFSET)),
                    "http://127.0.0.1:" + (8080 + PORT_OFFSET), SSLContext.getDefault())) {
                assertThat(run("status", "--home", home.toString()).output).as("a browser's WebSocket to the edge")
                        .contains("browser softphones connected: 1");
            }

            Run second = run("demo", "--home", home.toString(), "--port-offset", Integer.toString(PORT_OFFSET));
            assertThat(second.exit).isEqualTo(ExitCode.ALREADY_RUNNING.code());
            assertThat(second.output).contains("already running").doesNotContain("Exception");

            Run stop = run("stop", "--home", home.toString());
            assertThat(stop.exit).isEqualTo(0);
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo process ends").isTrue();
            assertThat(Files.readString(demoOutput)).contains("Stopped");
            assertThat(TestNodes.processesUsing(home)).isEmpty();

            Run statusAfter = run("status", "--home", home.toString());
            assertThat(statusAfter.exit).isEqualTo(ExitCode.NOT_RUNNING.code());
        } finally {
            if (demo.isAlive()) {
                run("stop", "--home", home.toString());
                demo.destroyForcibly();
            }
        }
    }

    private record Run(int exit, String output) {
    }

    private static ProcessBuilder verbund(String... args) {
        List<String> command = new ArrayList<>();
        command.add(TestNodes.repository().resolve("verbund").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("VERBUND_SKIP_BUILD", "1");
        return builder;
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        Process process = verbund(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static void awaitLine(Process process, Path output, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String printed = Files.exists(output) ? Files.readString(output) : "";
            if (printed.contains(text)) {
                return;
            }
            assertThat(process.isAlive()).as("./verbund demo still running; it printed:%n%s", printed).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("./verbund demo did not print '" + text + "' within " + timeout + ":\n" + Files.readString(output));
    }
}
