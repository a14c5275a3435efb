package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.kamailio.SoftphoneEdgeConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
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

    private final Path folder;
    private final SoftphoneEdgeConfig.Edge edge;
    private final Path certificateAndKey;
    private final int mediaMin;
    private final int mediaMax;
    private final List<NodePorts.Need> needs;
    private final Map<String, String> serverProperties;
    private final PrintStream out;
    private ForegroundProgram rtpengine;
    private ForegroundProgram kamailio;

    private SoftphoneEdge(Path folder, SoftphoneEdgeConfig.Edge edge, Path certificateAndKey, int mediaMin, int mediaMax,
                          List<NodePorts.Need> needs, Map<String, String> serverProperties, PrintStream out) {
        this.folder = folder;
        this.edge = edge;
        this.certificateAndKey = certificateAndKey;
        this.mediaMin = mediaMin;
        this.mediaMax = mediaMax;
        this.needs = List.copyOf(needs);
        this.serverProperties = Map.copyOf(serverProperties);
        this.out = out;
    }

    /** The demo's edge on loopback, with its own secure WebSocket (the demo certificate) beside the plain one. */
    static SoftphoneEdge forDemo(DemoHome home, NodePorts ports, PrintStream out) {
        Path folder = home.root().resolve("softphone");
        String node = NodePorts.HOST + ":" + ports.sip();
        List<String> origins = List.of("http://" + NodePorts.HOST + ":" + ports.http(), "https://" + NodePorts.HOST + ":" + ports.https(),
                "http://localhost:" + ports.http(), "https://localhost:" + ports.https());
        SoftphoneEdgeConfig.Edge edge = new SoftphoneEdgeConfig.Edge(NodePorts.HOST, ports.webSocket(), ports.secureWebSocket(),
                ports.softphoneEdgeSip(), node, List.of(node), NodePorts.HOST + ":" + ports.rtpengineControl(),
                folder.resolve("tls.cfg"), origins, controlSocketIn(folder.resolve("run")));
        return new SoftphoneEdge(folder, edge, home.tlsFolder().resolve(NodeCertificate.CERTIFICATE_AND_KEY_PEM),
                ports.rtpengineMediaMin(), ports.rtpengineMediaMax(), ports.softphoneEdgeNeeds(),
                Map.of("verbund.telephony.register.trusted-proxies", NodePorts.HOST,
                        "verbund.softphone.websocket", "ws://" + NodePorts.HOST + ":" + ports.webSocket(),
                        "verbund.softphone.websocket-secure", "wss://" + NodePorts.HOST + ":" + ports.secureWebSocket()),
                out);
    }

    /**
     * The cluster's edge on the virtual IP beside Kamailio, as lb-config generated it: plain WebSocket
     * only (haproxy ends TLS), REGISTERs to the dispatcher. The nodes' settings come from their
     * generated scripts.
     */
    static SoftphoneEdge forCluster(Path folder, io.verbund.acd.lbconfig.topology.Topology topology, PrintStream out) {
        SoftphoneEdgeConfig.Edge edge = SoftphoneEdgeConfig.clusterEdge(topology);
        var frontends = topology.frontends();
        return new SoftphoneEdge(folder, edge, null,
                io.verbund.acd.lbconfig.topology.Frontends.RTPENGINE_MEDIA_MIN, io.verbund.acd.lbconfig.topology.Frontends.RTPENGINE_MEDIA_MAX,
                List.of(new NodePorts.Need(frontends.softphoneWebSocket(), "SIP over WebSocket for the browser softphone (Kamailio)", false),
                        new NodePorts.Need(frontends.softphoneSip(), "the softphone edge's SIP towards the nodes (Kamailio)", true),
                        new NodePorts.Need(frontends.rtpengine(), "rtpengine's control socket", true)),
                Map.of(), out);
    }

    /**
     * A unix socket's path has at most 107 bytes; Kamailio would not start with a longer one, so a
     * home that deep gets an edge without RPC.
     */
    private static Path controlSocketIn(Path runDir) {
        Path socket = runDir.resolve("kamailio_ctl");
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= 107 ? socket : null;
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

    /** What the node must know of its edge (the demo's; a cluster node's generated script has its own). */
    Map<String, String> serverProperties() {
        return serverProperties;
    }

    Path folder() {
        return folder;
    }

    /** Kamailio's RPC socket ({@code kamcmd -s unix:<it>}), when the edge has one. */
    Optional<Path> controlSocket() {
        return Optional.ofNullable(edge.controlSocket());
    }

    void start() {
        Path runDir = folder.resolve("run");
        endLeftovers(runDir);
        NodePorts.requireFree(needs, "Stop that program, or start with another --port-offset.");
        Path kamailioCfg = folder.resolve("kamailio.cfg");
        try {
            Files.createDirectories(runDir);
            if (edge.tlsConfig() != null) {
                Files.writeString(edge.tlsConfig(), SoftphoneEdgeConfig.tlsCfg(certificateAndKey));
            }
            Files.writeString(kamailioCfg, SoftphoneEdgeConfig.kamailioCfg(edge));
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot write the softphone edge's configuration into " + folder, e);
        }
        List<String> rtpengineCommand = new ArrayList<>(SoftphoneEdgeConfig.rtpengineCommand(
                SystemPrograms.find("rtpengine").orElseThrow().toString(), edge.host(), edge.rtpengine(), mediaMin, mediaMax));
        rtpengineCommand.add("--pidfile=" + runDir.resolve("rtpengine.pid"));
        out.println("Starting the softphone edge: rtpengine (media " + mediaMin + "-" + mediaMax + ") and Kamailio (SIP over WebSocket "
                + edge.webSocketPort() + (edge.secureWebSocketPort() > 0 ? ", secure " + edge.secureWebSocketPort() : "") + ") ...");
        rtpengine = new ForegroundProgram("rtpengine", rtpengineCommand, folder.resolve("rtpengine.log"));
        rtpengine.start();
        awaitRtpengine();
        kamailio = new ForegroundProgram("kamailio (softphone edge)", List.of(SystemPrograms.find("kamailio").orElseThrow().toString(),
                "-f", kamailioCfg.toString(), "-DD", "-E", "-Y", runDir.toString(), "-P", runDir.resolve("kamailio.pid").toString()),
                folder.resolve("kamailio.log"));
        kamailio.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (NodePorts.isFree(edge.webSocketPort(), false)
                || (edge.secureWebSocketPort() > 0 && NodePorts.isFree(edge.secureWebSocketPort(), false))) {
            kamailio.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "the softphone edge's Kamailio does not listen within "
                        + START_TIMEOUT.toSeconds() + " s; see " + kamailio.log());
            }
            MariaDbServer.sleep(Duration.ofMillis(200));
        }
    }

    /** The processes' ids, for the cluster's record. */
    Optional<Long> kamailioPid() {
        return kamailio == null ? Optional.empty() : kamailio.pid();
    }

    Optional<Long> rtpenginePid() {
        return rtpengine == null ? Optional.empty() : rtpengine.pid();
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

    /** rtpengine answers a ping on its control socket once it is ready. */
    private void awaitRtpengine() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answersPing()) {
            rtpengine.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "rtpengine does not answer on " + edge.rtpengine() + " within "
                        + START_TIMEOUT.toSeconds() + " s; see " + rtpengine.log());
            }
            MariaDbServer.sleep(Duration.ofMillis(200));
        }
    }

    private boolean answersPing() {
        byte[] ping = "verbund d7:command4:pinge".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            int colon = edge.rtpengine().lastIndexOf(':');
            socket.send(new DatagramPacket(ping, ping.length, InetAddress.getByName(edge.rtpengine().substring(0, colon)),
                    Integer.parseInt(edge.rtpengine().substring(colon + 1))));
            DatagramPacket answer = new DatagramPacket(new byte[256], 256);
            socket.receive(answer);
            return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII).contains("pong");
        } catch (IOException e) {
            // No answer yet (a timeout is an IOException too): asked again.
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
