package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A whole Verbund ACD on one machine: its MariaDB and one WildFly with the four WARs, started in
 * that order, stopped in the reverse one. Ready means every service's health is UP.
 */
public final class DemoNode {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    public static final String NODE_NAME = "node-a";

    private final Installation installation;
    private final DemoHome home;
    private final NodePorts ports;
    private final PrintStream out;
    private final int databasePort;
    private final MariaDbServer database;
    private final WildFlyNode wildfly;
    private final ServiceHealth health;
    private final Optional<SoftphoneEdge> softphoneEdge;
    private final Optional<String> outboundTrunk;
    private ProcessRecord record;

    public DemoNode(Installation installation, DemoHome home, NodePorts ports, int databasePort, PrintStream out) {
        this(installation, home, ports, databasePort, java.util.Map.of(), out);
    }

    /** @param serverProperties extra system properties for the server, e.g. limits a test needs */
    public DemoNode(Installation installation, DemoHome home, NodePorts ports, int databasePort,
                    java.util.Map<String, String> serverProperties, PrintStream out) {
        this(installation, home, ports, databasePort, serverProperties, false, out);
    }

    /** @param softphoneEdge whether to run the browser softphone's edge (rtpengine and Kamailio) beside the node */
    public DemoNode(Installation installation, DemoHome home, NodePorts ports, int databasePort,
                    java.util.Map<String, String> serverProperties, boolean softphoneEdge, PrintStream out) {
        this.softphoneEdge = softphoneEdge ? Optional.of(SoftphoneEdge.forDemo(home, ports, out)) : Optional.empty();
        java.util.Map<String, String> properties = new java.util.HashMap<>(serverProperties);
        this.softphoneEdge.ifPresent(edge -> edge.serverProperties().forEach(properties::putIfAbsent));
        serverProperties = properties;
        this.outboundTrunk = Optional.ofNullable(properties.get(DemoCommand.TRUNK_PROPERTY));
        this.installation = installation;
        this.home = home;
        this.ports = ports;
        this.out = out;
        this.databasePort = databasePort;
        this.database = new MariaDbServer(installation, home, databasePort, out);
        this.wildfly = new WildFlyNode(installation, home, ports, NODE_NAME, serverProperties);
        this.health = new ServiceHealth(ports);
    }

    /**
     * Locks the home, checks the ports, starts database and server and waits until all is UP.
     * With {@code fresh}, first removes what an earlier run left (only once the lock is held).
     */
    public void start(boolean fresh) {
        home.lock();
        refuseLeftovers();
        try {
            if (fresh) {
                out.println("--fresh: removing the previous demo data in " + home.root());
                home.wipe();
            }
            ports.requireFree(databasePort);
            record = new ProcessRecord(ProcessHandle.current().pid(), OptionalLong.empty(), OptionalLong.empty(),
                    databasePort, ports.offset(), portalUrl(), Instant.now());
            record.write(home.processRecordFile());
            out.println("Starting MariaDB " + installation.mariadbHome().getParent().getFileName()
                    + " on " + NodePorts.HOST + ":" + databasePort + " ...");
            database.start();
            record = record.withDatabasePid(database.pid().orElseThrow());
            record.write(home.processRecordFile());
            out.println("  database: ready, data in " + database.dataDir());
            out.println("Starting WildFly (" + installation.wildflyHome().getFileName() + ") with the four services ...");
            wildfly.start(database, true);
            record = record.withWildflyPid(wildfly.pid().orElseThrow());
            record.write(home.processRecordFile());
            // After WildFly's start has made the certificate the secure WebSocket presents.
            softphoneEdge.ifPresent(SoftphoneEdge::start);
            awaitHealthy();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its children; they would hold the ports and the
     * data folder. Say so, instead of failing later on a taken port.
     */
    private void refuseLeftovers() {
        ProcessRecord.read(home.processRecordFile()).ifPresent(earlier -> {
            StringBuilder alive = new StringBuilder();
            earlier.wildflyPid().ifPresent(pid -> describeIfOurs(alive, "WildFly", pid));
            earlier.databasePid().ifPresent(pid -> describeIfOurs(alive, "MariaDB", pid));
            if (!alive.isEmpty()) {
                home.unlock();
                throw new LaunchFailure(ExitCode.ALREADY_RUNNING, "Processes of an earlier run from " + home.root()
                        + " are still running:" + alive + "\nEnd them with: ./verbund stop");
            }
        });
    }

    private void describeIfOurs(StringBuilder alive, String what, long pid) {
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(line -> line.contains(home.root().toString())).orElse(false))
                .ifPresent(process -> alive.append(' ').append(what).append(" (pid ").append(pid).append(')'));
    }

    public void stop() {
        softphoneEdge.ifPresent(SoftphoneEdge::stop);
        wildfly.stop();
        database.stop();
        try {
            Files.deleteIfExists(home.processRecordFile());
        } catch (IOException e) {
            // The record names only dead processes now; stop and status check liveness anyway.
        }
        home.unlock();
    }

    /** Kills WildFly with SIGKILL and leaves the database running: a crash of the server alone. */
    public void killServer() {
        wildfly.kill();
    }

    /** Starts WildFly again on the same home (its data and journals as they were) and waits until all is UP. */
    public void restartServer() {
        wildfly.start(database, true);
        record = record.withWildflyPid(wildfly.pid().orElseThrow());
        record.write(home.processRecordFile());
        awaitHealthy();
    }

    public MariaDbServer database() {
        return database;
    }

    public WildFlyNode wildfly() {
        return wildfly;
    }

    public ServiceHealth health() {
        return health;
    }

    /** The softphone edge, when this node runs one. */
    public boolean hasSoftphoneEdge() {
        return softphoneEdge.isPresent();
    }

    /** The softphone edge Kamailio's RPC socket, for {@code kamcmd -s unix:<it>}, when this node runs an edge. */
    public Optional<Path> softphoneEdgeControlSocket() {
        return softphoneEdge.flatMap(SoftphoneEdge::controlSocket);
    }

    /** The node's outbound trunk, when the demo was given one. */
    public Optional<String> outboundTrunk() {
        return outboundTrunk;
    }

    /** The WebSocket address the agent desktop's softphone connects to over plain HTTP. */
    public String softphoneWebSocketUrl() {
        return "ws://" + NodePorts.HOST + ":" + ports.webSocket();
    }

    public NodePorts ports() {
        return ports;
    }

    public DemoHome home() {
        return home;
    }

    public String portalUrl() {
        return "http://" + NodePorts.HOST + ":" + ports.http() + "/";
    }

    /** The same portal over HTTPS, with the certificate {@link WildFlyNode#certificate()}. */
    public String httpsUrl() {
        return "https://" + NodePorts.HOST + ":" + ports.https() + "/";
    }

    private void awaitHealthy() {
        health.awaitUp(wildfly, "", READY_TIMEOUT, out);
    }
}
