package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.mariadb.DatabaseTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One WildFly server running the four Verbund WARs, in its own base directory so the built server
 * stays untouched. Its configuration is the one the build's CLI scripts wrote; what differs per run
 * (database address, node name, ports) is passed as system properties, the password in the
 * environment, never on the command line.
 */
public final class WildFlyNode {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Installation installation;
    private final DemoHome home;
    private final NodePorts ports;
    private final String nodeName;
    private Process script;
    private long serverPid = -1;

    private final java.util.Map<String, String> serverProperties;
    private NodeCertificate certificate;

    public WildFlyNode(Installation installation, DemoHome home, NodePorts ports, String nodeName,
                       java.util.Map<String, String> serverProperties) {
        this.serverProperties = java.util.Map.copyOf(serverProperties);
        this.installation = installation;
        this.home = home;
        this.ports = ports;
        this.nodeName = nodeName;
    }

    public Path consoleLog() {
        return home.wildflyBase().resolve("log/console.log");
    }

    public Path serverLog() {
        return home.wildflyBase().resolve("log/server.log");
    }

    /** The storage service's shared folder of the tenants' files. */
    public static final String STORAGE_ROOT = "verbund.storage.root";

    /** The node's PKCS#12 keystore for HTTPS and SIP over TLS; its password is in VERBUND_TLS_KEYSTORE_PASSWORD. */
    public static final String TLS_KEYSTORE = "verbund.tls.keystore";

    static final String NODE_JVM_SIZING = "-Xms1g -Xmx1g -XX:MaxGCPauseMillis=10";

    /** A node of its own: the demo's database for every role, a one-node cluster of its own name. */
    public void start(MariaDbServer database, boolean demo) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("verbund.demo", Boolean.toString(demo));
        run.put("verbund.sip.port", Integer.toString(ports.sip()));
        run.put("verbund.rtp.ports", ports.rtp());
        run.put("verbund.cluster.name", "verbund-" + nodeName + "-" + ports.offset());
        run.put("verbund.jgroups.seed1.host", NodePorts.HOST);
        run.put("verbund.jgroups.seed1.port", Integer.toString(ports.jgroups()));
        run.put("verbund.db.user", MariaDbServer.USER);
        run.put("verbund.db.master.url", database.jdbcUrl());
        run.put("verbund.db.realtime.url", database.jdbcUrl());
        run.put("verbund.db.reporting.url", database.jdbcUrl());
        run.put(STORAGE_ROOT, home.storageRoot().toString());
        try {
            refreshFromBuild(home.wildflyBase());
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "WildFly could not be prepared: " + e.getMessage(), e);
        }
        launch(run, database.password(), home.serviceSecret(), null);
    }

    /**
     * A member of a generated cluster: database addresses, SIP address and cluster seeds come from
     * lb-config's script for this node, applied with the real jboss-cli to this node's copy of the
     * built configuration before it starts; {@code run} adds what only this run knows;
     * {@code clusterKeyPassword} opens the cluster cache's key store the script names.
     */
    public void startMember(Path nodeScript, String databasePassword, String serviceSecret, String clusterKeyPassword,
                            Map<String, String> run) {
        try {
            refreshFromBuild(home.wildflyBase());
            new EmbeddedCli(installation, home.wildflyBase()).apply(nodeScript,
                    clusterKeyPassword == null ? Map.of() : Map.of(DatabaseTls.CLUSTER_KEY_PASSWORD_ENV, clusterKeyPassword));
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "WildFly of " + nodeName + " could not be prepared: " + e.getMessage(), e);
        }
        launch(run, databasePassword, serviceSecret, clusterKeyPassword);
    }

    private void launch(Map<String, String> run, String databasePassword, String serviceSecret, String clusterKeyPassword) {
        Path base = home.wildflyBase();
        certificate = NodeCertificate.ensure(home.tlsFolder(), nodeName, List.of(NodePorts.HOST, "localhost"), Clock.systemUTC());
        try {
            Files.createDirectories(base.resolve("log"));
            Files.createDirectories(home.runDir());
            Files.deleteIfExists(pidFile());
            List<String> command = new ArrayList<>(List.of("bash",
                    installation.wildflyHome().resolve("bin/standalone.sh").toString(),
                    "-c", "standalone-ha.xml",
                    "-Djboss.server.base.dir=" + base,
                    "-b", NodePorts.HOST, "-bmanagement", NodePorts.HOST, "-bprivate", NodePorts.HOST,
                    "-Djboss.node.name=" + nodeName,
                    "-Djboss.socket.binding.port-offset=" + ports.offset()));
            // HTTPS (undertow.cli) and SIP over TLS (the telephony server) present this certificate.
            command.add("-D" + TLS_KEYSTORE + "=" + certificate.keyStore());
            run.forEach((name, value) -> command.add("-D" + name + "=" + value));
            serverProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            String extra = System.getenv("VERBUND_SERVER_OPTS");
            if (extra != null && !extra.isBlank()) {
                // Extra -D settings for the server, e.g. SIP stack tracing; split on blanks.
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
            Map<String, String> environment = builder.environment();
            environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
            environment.put("JBOSS_PIDFILE", pidFile().toString());
            environment.put("VERBUND_DB_PASSWORD", databasePassword);
            // Read by the services as verbund.service.secret (MicroProfile Config maps the name).
            environment.put("VERBUND_SERVICE_SECRET", serviceSecret);
            // Read by undertow.cli's key-store and, as verbund.tls.keystore.password, by the SIP stack.
            environment.put("VERBUND_TLS_KEYSTORE_PASSWORD", certificate.password());
            if (clusterKeyPassword != null) {
                environment.put(DatabaseTls.CLUSTER_KEY_PASSWORD_ENV, clusterKeyPassword);
            }
            environment.remove("JAVA_OPTS");
            // WildFly's default (64 MB growing to 512 MB) keeps the young generation so small that
            // collections of the SIP stack's short-lived transactions paused the node for up to
            // 70 ms at 200 CAPS; a fixed heap with a 10 ms pause goal kept INVITE->180 p99 under 30 ms
            // (docs/benchmarks.md). An operator's own JBOSS_JAVA_SIZING wins.
            environment.putIfAbsent("JBOSS_JAVA_SIZING", NODE_JVM_SIZING);
            script = builder.start();
            serverPid = awaitServerPid();
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "WildFly could not start: " + e.getMessage(), e);
        }
    }

    /** The certificate the node presents on HTTPS and SIP over TLS (made or read at its last start). */
    public NodeCertificate certificate() {
        if (certificate == null) {
            throw new IllegalStateException("the node has not been started");
        }
        return certificate;
    }

    public boolean isAlive() {
        return serverPid > 0 && ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false);
    }

    public Optional<Long> pid() {
        return isAlive() ? Optional.of(serverPid) : Optional.empty();
    }

    public void stop() {
        if (serverPid > 0) {
            ManagedProcess.terminate(serverPid, STOP_GRACE);
        }
        if (script != null && script.isAlive()) {
            ManagedProcess.terminate(script.toHandle(), Duration.ofSeconds(5));
        }
        serverPid = -1;
        script = null;
    }

    /**
     * Ends the server with SIGKILL, as a crash would: no shutdown, nothing flushed on the way out.
     * What the node acknowledged must survive this (its journal in the data folder does).
     */
    public void kill() {
        if (serverPid > 0) {
            ProcessHandle.of(serverPid).ifPresent(server -> {
                server.destroyForcibly();
                ManagedProcess.awaitExit(server, Duration.ofSeconds(10));
            });
        }
        if (script != null) {
            ManagedProcess.terminate(script.toHandle(), Duration.ofSeconds(5));
        }
        serverPid = -1;
        script = null;
    }

    private Path pidFile() {
        return home.runDir().resolve("wildfly.pid");
    }

    private long awaitServerPid() throws IOException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(pidFile())) {
                String text = Files.readString(pidFile()).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            if (!script.isAlive()) {
                throw new LaunchFailure(ExitCode.FAILED, "WildFly exited at once; see " + consoleLog());
            }
            MariaDbServer.sleep(Duration.ofMillis(100));
        }
        throw new LaunchFailure(ExitCode.FAILED, "WildFly did not start its server process; see " + consoleLog());
    }

    /**
     * Every start takes configuration and deployments from the build, so a rebuilt WAR or changed
     * CLI script is what runs; data and logs stay.
     */
    private void refreshFromBuild(Path base) throws IOException {
        Files.createDirectories(base);
        Path template = installation.wildflyHome().resolve("standalone");
        for (String part : new String[] {"configuration", "deployments"}) {
            Path target = base.resolve(part);
            DemoHome.deleteTree(target);
            copyTree(template.resolve(part), target);
        }
        DemoHome.deleteTree(base.resolve("tmp"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
