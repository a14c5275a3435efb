package io.verbund.acd.node;

import io.verbund.acd.launcher.DemoHome;
import io.verbund.acd.launcher.DemoNode;
import io.verbund.acd.launcher.Installation;
import io.verbund.acd.launcher.NodePorts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the build put the node under test, and reading health documents. */
final class TestNodes {

    private TestNodes() {
    }

    static Path nodeDir() {
        String dir = System.getProperty("verbund.node.dir");
        if (dir == null) {
            throw new IllegalStateException("verbund.node.dir is not set: run the integration tests through Maven (mvn verify)");
        }
        return Path.of(dir);
    }

    /** A real node on its own home folder and ports, started and healthy. */
    static DemoNode startNode(Path home, int portOffset, Map<String, String> serverProperties) {
        DemoNode node = new DemoNode(installation(), new DemoHome(home), new NodePorts(portOffset),
                NodePorts.firstFree(3316 + portOffset), serverProperties, System.out);
        node.start(false);
        return node;
    }

    /** The same, with the browser softphone's edge (rtpengine and Kamailio) beside it. */
    static DemoNode startNodeWithSoftphoneEdge(Path home, int portOffset, Map<String, String> serverProperties) {
        DemoNode node = new DemoNode(installation(), new DemoHome(home), new NodePorts(portOffset),
                NodePorts.firstFree(3316 + portOffset), serverProperties, true, System.out);
        node.start(false);
        return node;
    }

    /** The SIPp standing in for the carrier behind the call-control node's outbound trunk. */
    static final int CALL_CONTROL_TRUNK_PORT = 6771;

    private static final Map<String, DemoNode> SHARED = new java.util.HashMap<>();

    /**
     * Hold, transfers, consultation, conference, supervision and callbacks (TransferIT, SupervisionIT,
     * CallbackIT): an outbound trunk, a short ring timeout for numbers, a short RTP inactivity timeout
     * (phones that send no audio at all are never timed out), and outbound HTTP to 127.0.0.2 only.
     */
    static DemoNode callControlNode() {
        return sharedNode("call-control", 1700, Map.of(
                "verbund.trunk.outbound", "sip:127.0.0.1:" + CALL_CONTROL_TRUNK_PORT,
                "verbund.trunk.ring-timeout-seconds", "10",
                // Short, so the silent-phone test is quick; the other tests' phones send audio for all but a second or two, or never.
                "verbund.rtp.inactivity-timeout-seconds", "4",
                // The CRM stand-in of the look-up test answers on loopback; only 127.0.0.2 is opened.
                "verbund.outbound.allowed-targets", "127.0.0.2"));
    }

    /**
     * The demo with one server property, for the master-failover alarm (MasterFailoverAlarmIT): the
     * demo database is server_id 1 and the node names 2 as its primary, so its writes are "on the
     * other master" and every health answer carries the alarm (the event stream carries one alarm event
     * at the start), which changes nothing else. Besides: agent states through the API
     * (AgentStateApiIT), routing strategies (RoutingIT), prompts and erasures (PromptApiIT), media,
     * DTMF menus, recordings and voicemail (MediaCallIT), agents freed from dead calls
     * (AgentLeaseIT), and call records under load in a tenant of their own (CallRecordsUnderLoadIT,
     * the "bench" tenant only it uses). Each class logs its agents out after each test and reads only
     * what its own calls left (the newest record, the records after an id it remembered, its own
     * groups and numbers, or its own tenant's), never a count that another class's calls change.
     */
    static DemoNode demoNode() {
        return sharedNode("demo", 1900, Map.of("verbund.db.master.primary-server-id", "2"));
    }

    /**
     * Tenant isolation across the whole API (TenantIsolationIT), the event stream and webhooks
     * (EventStreamIT) and storage-service (StorageServiceIT): outbound HTTP to 127.0.0.1 (the
     * webhook receivers), and for tenant acme, whose files only StorageServiceIT stores, a 300 kB
     * storage quota and a 2 s retention of its logs.
     */
    static DemoNode apiAndStorageNode() {
        return sharedNode("api-storage", 1000, Map.of(
                "verbund.outbound.allowed-targets", "127.0.0.1",
                "verbund.storage.quota.acme", "300000",
                "verbund.storage.retention.acme.logs", "PT2S"));
    }

    /**
     * A node shared by the test classes that name it: the first to ask starts it in a folder of its
     * own, the end of the test JVM stops it and removes the folder. A node start costs about 40 s of
     * the CI's time, so classes whose tests need no fresh database and do not disturb each other
     * (their own groups, numbers and SIPp ports; agents logged out after each test) share one.
     */
    private static synchronized DemoNode sharedNode(String name, int portOffset, Map<String, String> serverProperties) {
        DemoNode shared = SHARED.get(name);
        if (shared != null) {
            return shared;
        }
        Path home;
        try {
            home = java.nio.file.Files.createTempDirectory("verbund-it-" + name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        DemoNode node = startNode(home, portOffset, serverProperties);
        SHARED.put(name, node);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopNode(node);
            deleteQuietly(home);
        }, "stop the shared node " + name));
        return node;
    }

    private static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("could not remove " + folder + ": " + e);
        }
    }

    static void stopNode(DemoNode node) {
        if (node != null) {
            node.stop();
        }
    }

    static Installation installation() {
        return Installation.at(nodeDir());
    }

    /** The checkout's root, where ./verbund lives. */
    static Path repository() {
        return nodeDir().getParent().getParent().getParent();
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The types of the newest call's events, in the call's order. */
    static List<String> eventsOfLastCall(DemoNode node) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT type FROM call_event WHERE call_id = (SELECT call_id FROM call_record ORDER BY id DESC LIMIT 1) ORDER BY seq");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }
        return types;
    }

    /** Processes other than this test whose command line names the folder: what a node left running. */
    static List<String> processesUsing(Path home) {
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .forEach(process -> process.info().commandLine()
                        .filter(line -> line.contains(home.toString()))
                        .ifPresent(line -> found.add(process.pid() + " " + line)));
        return found;
    }
}
