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
