package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.kamailio.SoftphoneEdgeConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The browser softphone's edge beside the demo node: Debian's rtpengine (WebRTC media to plain RTP,
 * in user space) and a Kamailio with SIP over WebSocket in front of the node's registrar
 * ({@link SoftphoneEdgeConfig}). Both are children of the launcher, their configuration and logs in
 * the home's {@code softphone/}. The node learns the edge's address as its one trusted proxy (it
 * keeps Path only from there) and the WebSocket addresses it gives the agent desktop.
 */
final class SoftphoneEdge {

    /** Program or module, and the Debian package that has it. */
    static final Map<String, String> PACKAGES = Map.of("rtpengine", "rtpengine-daemon", "kamailio", "kamailio",
            "tls.so", "kamailio-tls-modules", "websocket.so", "kamailio-websocket-modules");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final DemoHome home;
    private final NodePorts ports;
    private final PrintStream out;
    private ForegroundProgram rtpengine;
    private ForegroundProgram kamailio;

    SoftphoneEdge(DemoHome home, NodePorts ports, PrintStream out) {
        this.home = home;
        this.ports = ports;
        this.out = out;
    }

    /** The Debian packages the edge still needs on this machine; empty when it can start. */
    static List<String> missingPackages() {
        List<String> missing = new ArrayList<>();
        if (SystemPrograms.find("rtpengine").isEmpty()) {
            missing.add(PACKAGES.get("rtpengine"));
        }
        if (SystemPrograms.find("kamailio").isEmpty()) {
            missing.add(PACKAGES.get("kamailio"));
        }
        for (String module : List.of("tls.so", "websocket.so")) {
            if (SystemPrograms.kamailioModule(module).isEmpty()) {
                missing.add(PACKAGES.get(module));
            }
        }
        return missing;
    }

    /** What the node must know of its edge. */
    Map<String, String> serverProperties() {
        return Map.of(
                "verbund.telephony.register.trusted-proxies", NodePorts.HOST,
                "verbund.softphone.websocket", "ws://" + NodePorts.HOST + ":" + ports.webSocket(),
                "verbund.softphone.websocket-secure", "wss://" + NodePorts.HOST + ":" + ports.secureWebSocket());
    }

    Path folder() {
        return home.root().resolve("softphone");
    }

    void start() {
        Path folder = folder();
        Path runDir = folder.resolve("run");
        endLeftovers(runDir);
        NodePorts.requireFree(ports.softphoneEdgeNeeds(), "Stop that program, or start with another --port-offset.");
        Path tlsCfg = folder.resolve("tls.cfg");
        Path kamailioCfg = folder.resolve("kamailio.cfg");
        String node = NodePorts.HOST + ":" + ports.sip();
        String control = NodePorts.HOST + ":" + ports.rtpengineControl();
        SoftphoneEdgeConfig.Edge edge = new SoftphoneEdgeConfig.Edge(NodePorts.HOST, ports.webSocket(), ports.secureWebSocket(),
                ports.softphoneEdgeSip(), node, control, tlsCfg, allowedOrigins());
        try {
            Files.createDirectories(runDir);
            Files.writeString(tlsCfg, SoftphoneEdgeConfig.tlsCfg(home.tlsFolder().resolve(NodeCertificate.CERTIFICATE_AND_KEY_PEM)));
            Files.writeString(kamailioCfg, SoftphoneEdgeConfig.kamailioCfg(edge));
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot write the softphone edge's configuration into " + folder, e);
        }
        List<String> rtpengineCommand = new ArrayList<>(SoftphoneEdgeConfig.rtpengineCommand(
                SystemPrograms.find("rtpengine").orElseThrow().toString(), NodePorts.HOST, control,
                ports.rtpengineMediaMin(), ports.rtpengineMediaMax()));
        rtpengineCommand.add("--pidfile=" + runDir.resolve("rtpengine.pid"));
        out.println("Starting the softphone edge: rtpengine (media " + ports.rtpengineMediaMin() + "-" + ports.rtpengineMediaMax()
                + ") and Kamailio (SIP over WebSocket " + ports.webSocket() + ", secure " + ports.secureWebSocket() + ") ...");
        rtpengine = new ForegroundProgram("rtpengine", rtpengineCommand, folder.resolve("rtpengine.log"));
        rtpengine.start();
        awaitRtpengine();
        kamailio = new ForegroundProgram("kamailio (softphone edge)", List.of(SystemPrograms.find("kamailio").orElseThrow().toString(),
                "-f", kamailioCfg.toString(), "-DD", "-E", "-Y", runDir.toString(), "-P", runDir.resolve("kamailio.pid").toString()),
                folder.resolve("kamailio.log"));
        kamailio.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (NodePorts.isFree(ports.webSocket(), false) || NodePorts.isFree(ports.secureWebSocket(), false)) {
            kamailio.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "the softphone edge's Kamailio does not listen within "
                        + START_TIMEOUT.toSeconds() + " s; see " + kamailio.log());
            }
            MariaDbServer.sleep(Duration.ofMillis(200));
        }
    }

    void stop() {
        if (kamailio != null) {
            kamailio.stop();
        }
        if (rtpengine != null) {
            rtpengine.stop();
        }
    }

    boolean isRunning() {
        return kamailio != null && kamailio.isAlive() && rtpengine != null && rtpengine.isAlive();
    }

    /** The portal's own pages, the only origins whose WebSocket handshake the edge accepts. */
    private List<String> allowedOrigins() {
        return List.of("http://" + NodePorts.HOST + ":" + ports.http(), "https://" + NodePorts.HOST + ":" + ports.https(),
                "http://localhost:" + ports.http(), "https://localhost:" + ports.https());
    }

    /** rtpengine answers a ping on its control socket once it is ready. */
    private void awaitRtpengine() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answersPing()) {
            rtpengine.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "rtpengine does not answer on " + ports.rtpengineControl() + " within "
                        + START_TIMEOUT.toSeconds() + " s; see " + rtpengine.log());
            }
            MariaDbServer.sleep(Duration.ofMillis(200));
        }
    }

    private boolean answersPing() {
        byte[] ping = "verbund d7:command4:pinge".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            socket.send(new DatagramPacket(ping, ping.length, InetAddress.getByName(NodePorts.HOST), ports.rtpengineControl()));
            DatagramPacket answer = new DatagramPacket(new byte[256], 256);
            socket.receive(answer);
            return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII).contains("pong");
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its children: an edge of that earlier run still
     * holds the ports. Its pid files name it; it is ended when its command line names this home.
     */
    private void endLeftovers(Path runDir) {
        for (String pidFile : List.of("kamailio.pid", "rtpengine.pid")) {
            Path file = runDir.resolve(pidFile);
            readPid(file).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().map(line -> line.contains(folder().toString())).orElse(false))
                    .ifPresent(process -> {
                        out.println("  ending " + pidFile.replace(".pid", "") + " (pid " + process.pid() + ") left by an earlier run");
                        ManagedProcess.terminate(process, Duration.ofSeconds(10));
                    });
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
