package io.verbund.acd.lbconfig.validation;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts Kamailio with the configuration for a few seconds. {@code kamailio -c} only parses: it
 * accepted a script using a variable of a module that was not loaded, which then failed at start-up.
 * A start also loads the dispatcher list (a bad line is skipped with an ERROR in the log) and the tls
 * module its {@code tls.cfg} with the certificate and key (a missing or unreadable one stops it). The
 * copy listens on free ports of 127.0.0.1 instead of the virtual IP, so it neither needs that address
 * nor disturbs a running SIP service.
 */
final class KamailioStartCheck implements FileCheck {

    /** Running this long means the script was fixed up, the modules initialised and the children started. */
    private static final long SURVIVE_MILLIS = 2500;

    @Override
    public String describe(Path file) {
        return "kamailio -DD -E -f " + file + "  (started for " + SURVIVE_MILLIS / 1000.0
                + " s on a copy listening on a free 127.0.0.1 port; must still run and log no ERROR)";
    }

    @Override
    public Verdict check(Path file) {
        Optional<Path> tool = ToolCheck.locate("kamailio");
        if (tool.isEmpty()) {
            return Verdict.skipped(describe(file), "kamailio");
        }
        Path scratch = null;
        Process kamailio = null;
        try {
            int port = freePort();
            int tlsPort = freeTcpPort(port);
            String text = Files.readString(file)
                    .replaceAll("(?m)^listen=(udp|tcp):\\S+$", "listen=$1:127.0.0.1:" + port)
                    .replaceAll("(?m)^listen=tls:\\S+$", "listen=tls:127.0.0.1:" + tlsPort);
            scratch = Files.createTempDirectory("lb-config-kamailio-");
            Path copy = Files.writeString(scratch.resolve("kamailio.cfg"), text);
            Path log = scratch.resolve("kamailio.log");
            kamailio = new ProcessBuilder(tool.get().toString(), "-DD", "-E", "-f", copy.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = kamailio.waitFor(SURVIVE_MILLIS, TimeUnit.MILLISECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (exited) {
                return Verdict.failed(describe(file), "exited with code " + kamailio.exitValue() + " during start-up\n" + output);
            }
            // It keeps running with a bad dispatcher line (it skips it), but logs an error for it.
            if (output.contains(" ERROR: ") || output.contains(" CRITICAL: ")) {
                return Verdict.failed(describe(file), "started but logged errors\n" + output);
            }
            return Verdict.ok(describe(file), "running after " + SURVIVE_MILLIS + " ms on port " + port + ", no errors logged");
        } catch (IOException e) {
            return Verdict.failed(describe(file), "cannot start kamailio: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.failed(describe(file), "interrupted");
        } finally {
            stop(kamailio);
            deleteQuietly(scratch);
        }
    }

    /** A port free for both UDP and TCP (Kamailio listens on both). */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcp.getLocalPort()))) {
                return tcp.getLocalPort();
            } catch (IOException e) {
                // UDP side taken: try another port
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    /** A free TCP port other than {@code besides} (SIP over TLS beside the plain port). */
    private static int freeTcpPort(int besides) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (tcp.getLocalPort() != besides) {
                    return tcp.getLocalPort();
                }
            }
        }
        throw new IOException("no second free TCP port on 127.0.0.1");
    }

    /** Ends the Kamailio this check started and the children it forked, by their process ids. */
    private static void stop(Process kamailio) {
        if (kamailio == null) {
            return;
        }
        var children = kamailio.descendants().toList();
        kamailio.destroy();
        try {
            if (!kamailio.waitFor(5, TimeUnit.SECONDS)) {
                kamailio.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
