package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.kamailio.SoftphoneEdgeConfig;
import io.verbund.acd.lbconfig.topology.AcdNode;
import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./verbund status} for a cluster: every component, replication health and lag, the server
 * behind each database frontend and, above all, which master takes the writes.
 */
final class ClusterStatus {

    private final ClusterLayout layout;
    private final Installation installation;

    ClusterStatus(ClusterLayout layout, Installation installation) {
        this.layout = layout;
        this.installation = installation;
    }

    /** @return true when every part runs and is healthy, and writes are on the primary master */
    boolean print(PrintStream out) {
        Optional<ClusterRecord> found = ClusterRecord.read(layout.record());
        DemoHome home = new DemoHome(layout.root());
        if (found.isEmpty() || !home.isLocked()) {
            out.println("The Verbund ACD cluster is not running (home " + layout.root() + ").");
            return false;
        }
        ClusterRecord record = found.get();
        Topology topology = layout.readTopology();
        out.printf("Verbund ACD cluster %s runs from %s since %s (launcher pid %d)%n", topology.cluster(), layout.root(),
                record.startedAt().truncatedTo(ChronoUnit.SECONDS), record.launcherPid());
        boolean healthy = true;
        HaproxyAdmin haproxy = new HaproxyAdmin(layout.haproxySocket());
        List<HaproxyAdmin.Server> servers = List.of();
        try {
            servers = haproxy.servers();
        } catch (IOException e) {
            healthy = false;
        }
        out.println("  Databases:");
        for (Database database : topology.databases()) {
            healthy &= printDatabase(out, database, record, servers);
        }
        healthy &= printActiveMaster(out, topology, haproxy, servers);
        out.println("  Load balancing:");
        boolean haproxyAlive = alive(record.pid("haproxy"));
        healthy &= haproxyAlive;
        out.printf("    %-9s %-22s %s%n", "haproxy", process(record.pid("haproxy")),
                "realtime reads on " + inUse(servers, "db_realtime") + ", reporting reads on " + inUse(servers, "db_reporting")
                        + "; stats http://" + topology.virtualIp() + ":" + topology.frontends().haproxyStats() + "/");
        boolean kamailioAlive = alive(record.pid("kamailio"));
        healthy &= kamailioAlive;
        out.printf("    %-9s %-22s SIP %s:%d, TLS %d -> %s%n", "kamailio", process(record.pid("kamailio")), topology.virtualIp(),
                topology.frontends().sip(), topology.frontends().sipTls(), topology.nodes().stream().map(node -> node.name() + " " + node.sip()).collect(Collectors.joining(", ")));
        healthy &= printSoftphoneEdge(out, topology, record);
        out.println("  Nodes:");
        for (AcdNode node : topology.nodes()) {
            healthy &= printNode(out, node, record, servers);
        }
        out.println(healthy ? "All parts are healthy." : "Not every part is healthy; see above and docs/operations.md.");
        return healthy;
    }

    private boolean printDatabase(PrintStream out, Database database, ClusterRecord record, List<HaproxyAdmin.Server> servers) {
        Optional<Long> pid = record.pid(database.name());
        boolean alive = alive(pid);
        String replication;
        boolean replicating = false;
        if (!alive) {
            replication = "-";
        } else {
            ClusterDatabase server = layout.server(database, installation);
            try {
                ClusterDatabase.ReplicationState state = server.replicationState();
                replicating = state.healthy();
                replication = "from " + database.replicates() + ": " + (state.healthy()
                        ? "running, " + (state.secondsBehind() < 0 ? "lag unknown" : "lag " + state.secondsBehind() + " s")
                        : "STOPPED " + state.error());
            } catch (SQLException e) {
                replication = "no answer: " + e.getMessage();
            }
        }
        String seen = servers.stream().filter(server -> server.name().equals(database.name()))
                .map(server -> server.backend() + " " + server.status()).distinct().collect(Collectors.joining(", "));
        out.printf("    %-9s %-22s %-16s %-9s replicates %s; haproxy: %s%n", database.name(), process(pid),
                database.endpoint(), database.isMaster() ? "master" : "replica", replication, seen.isEmpty() ? "-" : seen);
        return alive && replicating;
    }

    private static boolean printActiveMaster(PrintStream out, Topology topology, HaproxyAdmin haproxy, List<HaproxyAdmin.Server> servers) {
        String primary = topology.primaryMaster().name();
        Optional<String> active;
        try {
            active = haproxy.activeMaster();
        } catch (IOException e) {
            out.println("  Active master: unknown (haproxy's admin socket does not answer: " + e.getMessage() + ")");
            return false;
        }
        if (active.isEmpty()) {
            out.println("  Active master: NONE - no master is up; writes fail.");
            return false;
        }
        if (active.get().equals(primary)) {
            out.println("  Active master: " + primary + " (the primary; writes go here)");
            return true;
        }
        boolean primaryUp = servers.stream().anyMatch(server -> server.backend().equals(HaproxyAdmin.DB_MASTER)
                && server.name().equals(primary) && server.up());
        out.println("  Active master: " + active.get() + " - FAILED OVER from " + primary + ". Writes stay on " + active.get()
                + " until the manual failback" + (primaryUp ? ": ./verbund failback" : " (" + primary + " is down)") + ".");
        return false;
    }

    private boolean printNode(PrintStream out, AcdNode node, ClusterRecord record, List<HaproxyAdmin.Server> servers) {
        Optional<Long> pid = record.pid(node.name());
        boolean alive = alive(pid);
        ServiceHealth health = new ServiceHealth(new NodePorts(node.portOffset()));
        boolean up = alive;
        StringBuilder services = new StringBuilder();
        for (ServiceHealth.Endpoint endpoint : health.endpoints()) {
            boolean serviceUp = alive && health.probe(endpoint).up();
            up &= serviceUp;
            services.append(services.isEmpty() ? "" : ", ").append(endpoint.service()).append(serviceUp ? " UP" : " DOWN");
        }
        String web = servers.stream().filter(server -> server.backend().equals("web") && server.name().equals(node.name()))
                .map(HaproxyAdmin.Server::status).findFirst().orElse("-");
        out.printf("    %-9s %-22s HTTP %s, SIP %s: %s; haproxy web %s%n", node.name(), process(pid), node.http(), node.sip(), services, web);
        return up;
    }

    /** The server a replica frontend sends new connections to: the first one up, backups last. */
    /** The browser softphone's edge beside Kamailio: its Kamailio (WebSocket) and rtpengine, when this run started them. */
    private static boolean printSoftphoneEdge(PrintStream out, Topology topology, ClusterRecord record) {
        Optional<Long> kamailio = record.pid("softphone-kamailio");
        Optional<Long> rtpengine = record.pid("rtpengine");
        if (kamailio.isEmpty() && rtpengine.isEmpty()) {
            out.printf("    %-9s not started (Kamailio's WebSocket module or rtpengine missing at the start)%n", "edge");
            return true;
        }
        out.printf("    %-9s %-22s browser softphones at %s (SIP over WebSocket, through haproxy)%n", "edge", process(kamailio),
                SoftphoneEdgeConfig.clusterWebSocketUrl(topology));
        out.printf("    %-9s %-22s WebRTC media (ICE, DTLS-SRTP) to the nodes' plain RTP%n", "rtpengine", process(rtpengine));
        return alive(kamailio) && alive(rtpengine);
    }

    private static String inUse(List<HaproxyAdmin.Server> servers, String backend) {
        return servers.stream().filter(server -> server.backend().equals(backend) && server.up())
                .sorted((a, b) -> Boolean.compare(a.backup(), b.backup())).map(HaproxyAdmin.Server::name).findFirst().orElse("NONE");
    }

    private static boolean alive(Optional<Long> pid) {
        return pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String process(Optional<Long> pid) {
        return pid.map(value -> "pid " + value + (alive(pid) ? " running" : " DEAD")).orElse("not running");
    }
}
