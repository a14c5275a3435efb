package io.verbund.acd.node;

import io.verbund.acd.launcher.Installation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Path;

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
}
