package io.verbund.acd.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a cluster run keeps its things, under one home folder: the topology it was started from,
 * lb-config's generated files, each database's folder, each node's WildFly base, run state and logs.
 */
record ClusterLayout(Path root) {

    ClusterLayout {
        root = root.toAbsolutePath().normalize();
    }

    Path topology() {
        return root.resolve("topology.yaml");
    }

    Path generated() {
        return root.resolve("config");
    }

    Path databases() {
        return root.resolve("db");
    }

    Path database(String name) {
        return databases().resolve(name);
    }

    Path runDir() {
        return root.resolve("run");
    }

    Path haproxySocket() {
        return runDir().resolve("haproxy.sock");
    }

    Path logs() {
        return root.resolve("log");
    }

    Path record() {
        return runDir().resolve("cluster.properties");
    }

    DemoHome node(String name) {
        return new DemoHome(root.resolve("nodes").resolve(name));
    }

    /** True for a home folder a cluster was started from (as opposed to a demo's). */
    boolean isCluster() {
        return Files.isRegularFile(topology());
    }
}
