package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.LbConfig;
import io.verbund.acd.lbconfig.topology.AcdNode;
import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The redundant topology on one machine, from one topology file: lb-config generates every
 * configuration, then the launcher starts from exactly those files the two masters and two
 * replicas with replication, haproxy, Kamailio and the WildFly nodes (one after the other, so the
 * first migrates the schema alone). Without {@code demo} the first start creates the system
 * administrator with a generated password instead of the demo's published logins. Stopped in the
 * reverse order.
 */
public final class Cluster {

    private static final Duration NODE_READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(60);

    /** One WildFly node of the cluster and how to reach its services. */
    public record Node(AcdNode topology, WildFlyNode wildfly, NodePorts ports, ServiceHealth health) {
        public String name() {
            return topology.name();
        }
    }

    private final Installation installation;
    private final ClusterLayout layout;
    private final DemoHome home;
    private final Path topologyFile;
    private final PrintStream out;
    private Topology topology;
    private final Map<String, ClusterDatabase> databases = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private ForegroundProgram haproxy;
    private ForegroundProgram kamailio;
    private SoftphoneEdge softphoneEdge;
    private ClusterRecord record;
    private NodeCertificate certificate;
    private NodeCertificate sipCertificate;
    private String firstAdminPassword;
    private boolean demo;

    public Cluster(Installation installation, Path homeFolder, Path topologyFile, PrintStream out) {
        this.installation = installation;
        this.layout = new ClusterLayout(homeFolder);
        this.home = new DemoHome(homeFolder);
        this.topologyFile = topologyFile;
        this.out = out;
    }

    /**
     * @param demo seed the demo tenants with their published logins (only then); without it a
     *             first start creates {@value SystemAdmin#LOGIN} with a generated password
     */
    public void start(boolean fresh, boolean demo) {
        this.demo = demo;
        Map<String, Path> programs = SystemPrograms.require(SystemPrograms.CLUSTER, out);
        SystemPrograms.requireKamailioTls(out);
        home.lock();
        try {
            refuseLeftovers();
            if (fresh) {
                out.println("--fresh: removing the previous cluster data in " + layout.root());
                for (Path part : List.of(layout.databases(), layout.root().resolve("nodes"), layout.root().resolve("secrets"))) {
                    DemoHome.deleteTree(part);
                }
            }
            topology = generate();
            certificate = NodeCertificate.ensure(layout.tls(), topology.cluster(), List.of(topology.virtualIp(), "localhost"), Clock.systemUTC());
            // A key of its own for SIP: replaced or rotated without touching HTTPS, and the other way round.
            sipCertificate = NodeCertificate.ensure(layout.sipTls(), topology.cluster() + " SIP", List.of(topology.virtualIp(), "localhost"),
                    Clock.systemUTC());
            new ClusterCertificates(layout.tlsDir(), programs.get("openssl"), out).ensure(topology);
            layout.cacheKey().ensure();
            requirePortsFree();
            record = new ClusterRecord(ProcessHandle.current().pid(), Instant.now(), Map.of());
            record.write(layout.record());
            startDatabases();
            startHaproxy(programs.get("haproxy"));
            startKamailio(programs.get("kamailio"));
            startSoftphoneEdge();
            for (AcdNode node : topology.nodes()) {
                startNode(node, demo);
                if (nodes.size() == 1) {
                    createFirstAdmin();
                }
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops everything this launcher started, the nodes first and the masters last. */
    public void stop() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            out.println("Stopping " + nodes.get(i).name() + " ...");
            nodes.get(i).wildfly().stop();
        }
        if (softphoneEdge != null) {
            softphoneEdge.stop();
        }
        for (ForegroundProgram program : new ForegroundProgram[] {kamailio, haproxy}) {
            if (program != null) {
                program.stop();
            }
        }
        List<ClusterDatabase> reverse = new ArrayList<>(databases.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(ClusterDatabase::stop);
        // Parts started again by ./verbund restart are not this launcher's children; the record names them.
        ClusterRecord.read(layout.record()).ifPresent(written -> written.pids().forEach((component, pid) ->
                ManagedProcess.ours(pid, layout.root().toString()).ifPresent(process -> ManagedProcess.terminate(process, Duration.ofSeconds(60)))));
        try {
            Files.deleteIfExists(layout.record());
        } catch (IOException e) {
            // The record then names dead processes only; stop and status check liveness anyway.
        }
        home.unlock();
    }

    public Topology topology() {
        return topology;
    }

    public ClusterDatabase database(String name) {
        return Optional.ofNullable(databases.get(name)).orElseThrow(() -> new IllegalArgumentException("no database " + name));
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public HaproxyAdmin haproxy() {
        return new HaproxyAdmin(layout.haproxySocket());
    }

    public Path root() {
        return layout.root();
    }

    /** The folder of the cluster's CA certificate ({@code ca.pem}) that database clients verify against. */
    public Path tlsDir() {
        return layout.tlsDir();
    }

    public String applicationPassword() {
        return home.databasePassword();
    }

    /** haproxy's plain HTTP frontend: it only redirects to {@link #httpsUrl()}. */
    public String httpUrl() {
        return "http://" + topology.virtualIp() + ":" + topology.frontends().http() + "/";
    }

    /** The portal and API through haproxy, over TLS with {@link #certificate()}. */
    public String httpsUrl() {
        return "https://" + topology.virtualIp() + ":" + topology.frontends().https() + "/";
    }

    /** The certificate haproxy presents (made on the first start into the cluster home's tls/). */
    public NodeCertificate certificate() {
        return certificate;
    }

    /** The certificate Kamailio presents on SIP over TLS (made on the first start into the cluster home's tls-sip/). */
    public NodeCertificate sipCertificate() {
        return sipCertificate;
    }

    /** lb-config generate from the topology file into the cluster home, as every start does; the topology read back. */
    Topology generate() {
        try {
            Files.createDirectories(layout.root());
            if (!topologyFile.toAbsolutePath().normalize().equals(layout.topology())) {
                Files.copy(topologyFile, layout.topology(), StandardCopyOption.REPLACE_EXISTING);
            }
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
            out.println("Generating the cluster's configuration with lb-config from " + topologyFile + " ...");
            int exit = LbConfig.run(print, print, "generate", "--topology", layout.topology().toString(),
                    "--out", layout.generated().toString(), "--data-dir", layout.databases().toString(),
                    "--run-dir", layout.runDir().toString(),
                    "--tls-certificate", layout.tls().resolve(NodeCertificate.CERTIFICATE_AND_KEY_PEM).toString(),
                    "--sip-tls-certificate", layout.sipTls().resolve(NodeCertificate.CERTIFICATE_AND_KEY_PEM).toString(),
                    "--tls-dir", layout.tlsDir().toString());
            if (exit != 0) {
                throw new LaunchFailure(ExitCode.USAGE, "lb-config could not generate the cluster (exit " + exit + "):\n"
                        + messages.toString(StandardCharsets.UTF_8));
            }
            out.println("  " + layout.generated() + " (see README.txt there)");
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot prepare " + layout.root() + ": " + e.getMessage(), e);
        }
        return layout.readTopology();
    }

    private void refuseLeftovers() {
        ClusterRecord.read(layout.record()).ifPresent(earlier -> {
            StringBuilder alive = new StringBuilder();
            earlier.pids().forEach((component, pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .ifPresent(process -> alive.append(' ').append(component).append(" (pid ").append(pid).append(')')));
            if (!alive.isEmpty()) {
                throw new LaunchFailure(ExitCode.ALREADY_RUNNING, "Processes of an earlier cluster run from " + layout.root()
                        + " are still running:" + alive + "\nEnd them with: ./verbund stop --home " + layout.root());
            }
        });
    }

    private void requirePortsFree() {
        NodePorts.requireFree(portNeeds(topology), "Change the ports in the topology file, or stop that program.");
    }

    /**
     * Every port the cluster takes on this machine, and what for; fails naming both parts when the topology
     * gives one port twice (the reader checks the ports it knows; WildFly's AJP, transaction and HTTPS
     * ports shift with a node's offset too).
     */
    static List<NodePorts.Need> portNeeds(Topology topology) {
        List<NodePorts.Need> needs = new ArrayList<>();
        var frontends = topology.frontends();
        needs.add(new NodePorts.Need(frontends.http(), "HTTP frontend, redirects to HTTPS (haproxy)", false));
        needs.add(new NodePorts.Need(frontends.https(), "HTTPS frontend (haproxy)", false));
        needs.add(new NodePorts.Need(frontends.sip(), "SIP dispatcher (Kamailio)", true));
        needs.add(new NodePorts.Need(frontends.sipTls(), "SIP over TLS (Kamailio)", false));
        needs.add(new NodePorts.Need(frontends.dbMaster(), "database master frontend (haproxy)", false));
        needs.add(new NodePorts.Need(frontends.dbRealtime(), "database realtime frontend (haproxy)", false));
        needs.add(new NodePorts.Need(frontends.dbReporting(), "database reporting frontend (haproxy)", false));
        needs.add(new NodePorts.Need(frontends.haproxyStats(), "haproxy stats page", false));
        needs.add(new NodePorts.Need(frontends.haproxyPeers(), "haproxy peers (stick table)", false));
        topology.databases().forEach(database -> needs.add(new NodePorts.Need(database.endpoint().port(), "MariaDB " + database.name(), false)));
        topology.nodes().forEach(node -> new NodePorts(node.portOffset()).needs().forEach(need ->
                needs.add(new NodePorts.Need(need.port(), node.name() + " " + need.purpose(), need.udpToo()))));
        Map<Integer, String> owners = new java.util.HashMap<>();
        for (NodePorts.Need need : needs) {
            String earlier = owners.putIfAbsent(need.port(), need.purpose());
            if (earlier != null) {
                throw new LaunchFailure(ExitCode.USAGE, "The topology gives port " + need.port() + " to both " + earlier + " and "
                        + need.purpose() + "; change a frontend port or the node's portOffset.");
            }
        }
        return needs;
    }

    private void startDatabases() {
        for (Database database : topology.databases()) {
            databases.put(database.name(), layout.server(database, installation));
        }
        out.println("Starting MariaDB " + installation.mariadbHome().getParent().getFileName() + ": "
                + String.join(", ", databases.keySet()) + " ...");
        // In parallel: each waits only for its own socket, and a first start creates four data folders.
        List<CompletableFuture<Void>> starts = databases.values().stream()
                .map(database -> CompletableFuture.runAsync(database::start)).toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        databases.forEach((name, database) -> {
            updateRecord(name, database.pid());
            out.printf("  %-9s up on %s (server_id %d)%n", name, database.topology().endpoint(), database.topology().serverId());
        });
        databases.values().forEach(ClusterDatabase::setUpReplication);
        awaitReplication();
    }

    private void awaitReplication() {
        Instant deadline = Instant.now().plus(REPLICATION_TIMEOUT);
        for (ClusterDatabase database : databases.values()) {
            ClusterDatabase.ReplicationState state = null;
            while (Instant.now().isBefore(deadline)) {
                try {
                    state = database.replicationState();
                } catch (SQLException e) {
                    state = new ClusterDatabase.ReplicationState(true, false, false, -1, e.getMessage());
                }
                if (state.healthy()) {
                    break;
                }
                MariaDbServer.sleep(Duration.ofMillis(250));
            }
            if (state == null || !state.healthy()) {
                throw new LaunchFailure(ExitCode.FAILED, database.name() + " does not replicate from "
                        + database.topology().replicates() + ": " + (state == null ? "no answer" : state.error())
                        + "; see " + database.log());
            }
            out.printf("  %-9s replicates from %s%n", database.name(), database.topology().replicates());
        }
    }

    private void startHaproxy(Path program) {
        haproxy = new ForegroundProgram("haproxy", List.of(program.toString(), "-W", "-db",
                "-f", layout.generated().resolve("haproxy/haproxy.cfg").toString()), layout.logs().resolve("haproxy.log"));
        out.println("Starting haproxy (HTTPS " + topology.frontends().https() + ", HTTP " + topology.frontends().http() + ", databases " + topology.frontends().dbMaster()
                + "/" + topology.frontends().dbRealtime() + "/" + topology.frontends().dbReporting() + ") ...");
        haproxy.start();
        HaproxyAdmin admin = haproxy();
        Instant deadline = Instant.now().plusSeconds(30);
        String primary = topology.primaryMaster().name();
        while (true) {
            haproxy.requireAlive();
            try {
                if (admin.answers() && admin.servers(HaproxyAdmin.DB_MASTER).stream()
                        .anyMatch(server -> server.name().equals(primary) && server.up())) {
                    break;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "haproxy does not see " + primary + " up within 30 s; see " + haproxy.log());
            }
            MariaDbServer.sleep(Duration.ofMillis(250));
        }
        updateRecord("haproxy", haproxy.pid());
        out.println("  haproxy   up; writes go to " + primary + ", stats on http://" + topology.virtualIp() + ":"
                + topology.frontends().haproxyStats() + "/");
    }

    private void startKamailio(Path program) {
        Path runDir = layout.runDir().resolve("kamailio");
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot create " + runDir, e);
        }
        kamailio = new ForegroundProgram("kamailio", List.of(program.toString(),
                "-f", layout.generated().resolve("kamailio/kamailio.cfg").toString(),
                "-DD", "-E", "-Y", runDir.toString(), "-P", runDir.resolve("kamailio.pid").toString()),
                layout.logs().resolve("kamailio.log"));
        out.println("Starting Kamailio (SIP " + topology.virtualIp() + ":" + topology.frontends().sip() + ", SIP over TLS "
                + topology.frontends().sipTls() + ") ...");
        kamailio.start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (NodePorts.isFree(topology.frontends().sip(), false) || NodePorts.isFree(topology.frontends().sipTls(), false)) {
            kamailio.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "Kamailio does not listen within 20 s; see " + kamailio.log());
            }
            MariaDbServer.sleep(Duration.ofMillis(200));
        }
        updateRecord("kamailio", kamailio.pid());
        out.println("  kamailio  up; dispatches to " + topology.nodes().stream().map(AcdNode::name).toList());
    }

    /**
     * The browser softphone's edge beside Kamailio (rtpengine and a second Kamailio, reached through
     * haproxy's {@code /sip-ws}), when its Debian packages are there or can be installed; otherwise
     * the cluster runs without it and says so (desk phones work either way).
     */
    private void startSoftphoneEdge() {
        List<String> missing = SoftphoneEdge.missingPackages();
        if (!missing.isEmpty() && !(SystemPrograms.installIfRoot(missing, out) && SoftphoneEdge.missingPackages().isEmpty())) {
            out.println("The browser softphone needs " + String.join(", ", missing) + " (Debian); the cluster starts without it. Install with:");
            out.println("  " + SystemPrograms.installCommand(missing));
            return;
        }
        softphoneEdge = SoftphoneEdge.forCluster(layout.root().resolve("softphone"), topology, out);
        softphoneEdge.start();
        updateRecord("softphone-kamailio", softphoneEdge.kamailioPid());
        updateRecord("rtpengine", softphoneEdge.rtpenginePid());
        out.println("  softphone edge up; browsers at " + io.verbund.acd.lbconfig.kamailio.SoftphoneEdgeConfig.clusterWebSocketUrl(topology));
    }

    /** Whether the browser softphone's edge runs beside this cluster's Kamailio. */
    public boolean hasSoftphoneEdge() {
        return softphoneEdge != null;
    }

    /**
     * The password of the system administrator this start created, for the banner to print once;
     * empty when one existed already (an earlier start, or the demo's).
     */
    public boolean demo() {
        return demo;
    }

    public Optional<String> firstAdminPassword() {
        return Optional.ofNullable(firstAdminPassword);
    }

    /** After the first node is up, so the schema is migrated and, with --demo, the demo's administrator is there. */
    private void createFirstAdmin() {
        try (Connection db = database(topology.primaryMaster().name()).connect()) {
            firstAdminPassword = SystemAdmin.createIfNone(db).orElse(null);
        } catch (SQLException e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot create the first system administrator: " + e.getMessage(), e);
        }
    }

    private void startNode(AcdNode node, boolean demo) {
        NodePorts ports = new NodePorts(node.portOffset());
        WildFlyNode wildfly = new WildFlyNode(installation, layout.node(node.name()), ports, node.name(), Map.of());
        Node member = new Node(node, wildfly, ports, new ServiceHealth(ports));
        nodes.add(member);
        out.println("Starting " + node.name() + " (WildFly, four services, port offset " + node.portOffset() + ") ...");
        wildfly.startMember(layout.generated().resolve("wildfly/" + node.name() + ".cli"), home.databasePassword(),
                home.serviceSecret(), layout.cacheKey().password(), memberProperties(home, demo));
        updateRecord(node.name(), wildfly.pid());
        member.health().awaitUp(wildfly, node.name(), NODE_READY_TIMEOUT, out);
    }

    /**
     * What every node of this run is told beyond its generated script: whether to load the demo
     * tenants (once, when absent), and to keep the tenants' files in the cluster home's
     * {@code storage/}, the one folder all nodes share.
     */
    static Map<String, String> memberProperties(DemoHome clusterHome, boolean demo) {
        return Map.of("verbund.demo", Boolean.toString(demo), WildFlyNode.STORAGE_ROOT, clusterHome.storageRoot().toString());
    }

    private synchronized void updateRecord(String component, Optional<Long> pid) {
        record = record.with(component, pid);
        record.write(layout.record());
    }

    /** The server id behind one of haproxy's database frontends, as the application user sees it. */
    public long serverIdBehind(int frontendPort) throws SQLException {
        String url = ClusterDatabase.url(layout.tlsDir(), topology.virtualIp(), frontendPort, MariaDbServer.DATABASE);
        try (Connection connection = java.sql.DriverManager.getConnection(url, MariaDbServer.USER, home.databasePassword());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT @@server_id")) {
            row.next();
            return row.getLong(1);
        }
    }
}
