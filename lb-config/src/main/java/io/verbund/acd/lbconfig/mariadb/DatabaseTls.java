package io.verbund.acd.lbconfig.mariadb;

import io.verbund.acd.lbconfig.topology.Database;
import java.nio.file.Path;

/**
 * Where the cluster's database TLS files are and how clients use them. One folder (the generate
 * option {@code --tls-dir}) holds the private CA's certificate {@value #CA} that every client
 * verifies against and, per MariaDB server, its certificate and key named after it. Every server
 * then speaks TLS; the accounts with data (the application's, the administrator's, replication's)
 * are refused without it.
 */
public final class DatabaseTls {

    public static final String CA = "ca.pem";
    /**
     * The cluster cache's (JGroups') AES key, in the same folder: a PKCS#12 store with one secret key
     * entry {@value #CLUSTER_KEY_ALIAS}, protected by the password WildFly reads from
     * {@code VERBUND_CLUSTER_KEY_PASSWORD}. The same file on every node of the cluster.
     */
    public static final String CLUSTER_KEY_STORE = "cluster-cache.p12";
    public static final String CLUSTER_KEY_ALIAS = "verbund-cluster-cache";
    public static final String CLUSTER_KEY_PASSWORD_ENV = "VERBUND_CLUSTER_KEY_PASSWORD";

    private DatabaseTls() {
    }

    public static Path clusterKeyStore(Path tlsDir) {
        return tlsDir.resolve(CLUSTER_KEY_STORE);
    }

    public static Path ca(Path tlsDir) {
        return tlsDir.resolve(CA);
    }

    public static Path certificate(Path tlsDir, Database database) {
        return tlsDir.resolve("db-" + database.name() + "-cert.pem");
    }

    public static Path key(Path tlsDir, Database database) {
        return tlsDir.resolve("db-" + database.name() + "-key.pem");
    }

    /**
     * The MariaDB Connector/J (3.x) options of a connection that is encrypted and accepts only a
     * server whose certificate the cluster's CA signed <em>for the address the client dialled</em>
     * ({@code verify-full}: the subjectAltName must hold it). The nodes dial haproxy's virtual IP
     * (TCP passthrough, so the server's own certificate answers) and the launcher each server's
     * own address; every server certificate carries both (the launcher's ClusterCertificates). So a
     * certificate of this CA stolen from one server cannot stand in for another host's name.
     */
    public static String jdbcOptions(Path tlsDir) {
        return "sslMode=verify-full&serverSslCert=" + ca(tlsDir);
    }
}
