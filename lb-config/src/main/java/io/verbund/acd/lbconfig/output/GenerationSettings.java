package io.verbund.acd.lbconfig.output;

import java.nio.file.Path;

/**
 * What the topology does not say but the files need: the output directory as it will finally exist
 * (Kamailio reads its dispatcher list from there, so the path must be absolute), the run directory for
 * sockets and pid files, the data directory under which each MariaDB server gets its own folder, the
 * replication password, the folder of the database TLS files (CA, each server's certificate and key:
 * {@link io.verbund.acd.lbconfig.mariadb.DatabaseTls}), the PEM file (certificate, chain and key)
 * haproxy presents on HTTPS and the one Kamailio presents on SIP over TLS (the same file unless told
 * otherwise: both serve the virtual IP).
 */
public record GenerationSettings(Path outDir, Path runDir, Path dataDir, ReplicationPassword replicationPassword, Path tlsDir,
                                 Path tlsCertificate, Path sipTlsCertificate) {

    public static final Path DEFAULT_RUN_DIR = Path.of("/run/verbund");
    public static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/verbund/mariadb");
    public static final Path DEFAULT_TLS_DIR = Path.of("/etc/verbund/tls");
    /** Where haproxy finds its certificate and key when the generator is not told (both load balancers need it). */
    public static final Path DEFAULT_TLS_CERTIFICATE = DEFAULT_TLS_DIR.resolve("certificate-and-key.pem");

    public GenerationSettings {
        outDir = outDir.toAbsolutePath().normalize();
        runDir = runDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        tlsDir = tlsDir.toAbsolutePath().normalize();
        tlsCertificate = tlsCertificate.toAbsolutePath().normalize();
        sipTlsCertificate = sipTlsCertificate.toAbsolutePath().normalize();
    }

    /** Kamailio presents haproxy's certificate: one certificate for the virtual IP. */
    public GenerationSettings(Path outDir, Path runDir, Path dataDir, ReplicationPassword replicationPassword, Path tlsDir,
                              Path tlsCertificate) {
        this(outDir, runDir, dataDir, replicationPassword, tlsDir, tlsCertificate, tlsCertificate);
    }

    /** With the TLS files in {@link #DEFAULT_TLS_DIR}. */
    public GenerationSettings(Path outDir, Path runDir, Path dataDir, ReplicationPassword replicationPassword) {
        this(outDir, runDir, dataDir, replicationPassword, DEFAULT_TLS_DIR, DEFAULT_TLS_CERTIFICATE);
    }
}
