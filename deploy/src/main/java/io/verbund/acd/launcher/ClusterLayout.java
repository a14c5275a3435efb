package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.InvalidTopology;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.IOException;
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

    /** haproxy's certificate and key ({@link NodeCertificate}), kept across starts and --fresh. */
    Path tls() {
        return root.resolve("tls");
    }

    /** Kamailio's SIP over TLS certificate and key ({@link NodeCertificate}), kept across starts and --fresh. */
    Path sipTls() {
        return root.resolve("tls-sip");
    }

    Path databases() {
        return root.resolve("db");
    }

    Path databaseDir(String name) {
        return databases().resolve(name);
    }

    /** One database server of this cluster, with the passwords kept in this home. */
    ClusterDatabase server(Database database, Installation installation) {
        DemoHome home = new DemoHome(root);
        return new ClusterDatabase(database, installation, generated(), databaseDir(database.name()),
                home.databasePassword(), home.databaseAdminPassword(), tlsDir());
    }

    /** The cluster's CA and the database servers' certificates and keys ({@link ClusterCertificates}). */
    Path tlsDir() {
        return root.resolve("secrets/tls");
    }

    /** The cluster cache's AES key, in {@link #tlsDir()}. */
    ClusterCacheKey cacheKey() {
        return new ClusterCacheKey(tlsDir(), new DemoHome(root).clusterKeyPassword());
    }

    /** The application user's TLS connection URL to haproxy's write frontend. */
    String masterUrl(Topology topology, String schema) {
        return ClusterDatabase.url(tlsDir(), topology.virtualIp(), topology.frontends().dbMaster(), schema);
    }

    /** The topology this cluster was started from (lb-config checked it then). */
    Topology readTopology() {
        try {
            return new TopologyReader().read(topology());
        } catch (IOException | InvalidTopology e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot read the cluster's topology " + topology() + ": " + e.getMessage(), e);
        }
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

    /** A cluster launcher holds this home and has recorded what it started. */
    boolean isRunning() {
        return isCluster() && ClusterRecord.read(record()).isPresent() && new DemoHome(root).isLocked();
    }
}
