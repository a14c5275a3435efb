package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The folder one running node writes to: database files, WildFly's base directory, logs, the
 * generated database password and the record of what runs. Holding its lock is what makes a
 * second start on the same folder refuse; the operating system releases it when the holder dies,
 * so a crashed launcher never leaves a stale lock behind.
 */
public final class DemoHome {

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;

    public DemoHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path databaseData() {
        return root.resolve("db/data");
    }

    public Path databaseDir() {
        return root.resolve("db");
    }

    public Path wildflyBase() {
        return root.resolve("wildfly");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    public Path processRecordFile() {
        return runDir().resolve("processes.properties");
    }

    /** Takes the lock, or says who holds it. */
    public void lock() {
        try {
            Files.createDirectories(runDir());
            lockChannel = FileChannel.open(runDir().resolve("verbund.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                throw new LaunchFailure(ExitCode.ALREADY_RUNNING, alreadyRunningMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + runDir(), e);
        }
    }

    /** True when some process, this one or another, holds the lock. */
    public boolean isLocked() {
        if (lock != null) {
            return true;
        }
        Path lockFile = runDir().resolve("verbund.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public void unlock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    private String alreadyRunningMessage() {
        Optional<ProcessRecord> running = ProcessRecord.read(processRecordFile());
        String who = running.map(r -> " (launcher pid " + r.launcherPid() + ", started " + r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ", portal " + r.portalUrl() + ")").orElse("");
        return "Verbund ACD is already running from " + root + who + ".\n"
                + "Stop it first with: ./verbund stop   (or see it with ./verbund status)";
    }

    /** Starts from empty: removes database, server state, stored files and secrets, keeps nothing. */
    public void wipe() {
        for (Path part : new Path[] {root.resolve("db"), wildflyBase(), storageRoot(), root.resolve("secrets")}) {
            deleteTree(part);
        }
    }

    /** The application's database password: generated once, kept readable only by its owner. */
    public String databasePassword() {
        return secret("db.properties", "Verbund ACD: password of the database user 'verbund'");
    }

    /**
     * The secret the services of this home show each other (e.g. the telephony server writing
     * recordings to the storage service): {@code secrets/service-secret}, 256 random bits generated
     * at the first start of this home (never a published constant, so two installations never share
     * one), readable only by its owner (a file found readable by others is narrowed back to 0600),
     * handed to WildFly in the environment, never on a command line, never printed. Every node
     * started from this home gets the same one; rotating it is deleting the file and restarting
     * every node (docs/security.md).
     */
    public String serviceSecret() {
        Path file = root.resolve("secrets").resolve("service-secret");
        try {
            secretsDir();
            if (Files.exists(file)) {
                ownerOnly(file);
                String secret = Files.readString(file).strip();
                if (secret.length() >= MIN_SERVICE_SECRET) {
                    return secret;
                }
                // A start that died between creating and writing the file: a new secret is as good.
                Files.delete(file);
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /**
     * This home's TLS certificate and key ({@link NodeCertificate}): {@code tls/}. Not removed by
     * {@code --fresh}, so a browser's exception for the self-signed certificate stays valid.
     */
    public Path tlsFolder() {
        return root.resolve("tls");
    }

    /** The services' own minimum (ServiceSecret in acd-runtime): shorter is treated as no secret at all. */
    private static final int MIN_SERVICE_SECRET = 16;

    /** {@code secrets/}, created readable by its owner only. */
    Path secretsDir() throws IOException {
        Path secrets = root.resolve("secrets");
        if (!Files.isDirectory(secrets)) {
            Files.createDirectories(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return secrets;
    }

    /** Narrows a secret's file to its owner when someone loosened it (a copy, a umask, an editor). */
    static void ownerOnly(Path file) throws IOException {
        var only = PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwx------" : "rw-------");
        if (!Files.getPosixFilePermissions(file).equals(only)) {
            Files.setPosixFilePermissions(file, only);
        }
    }

    /** The tenants' files (storage service): {@code storage/} in this home, shared by every node started from it. */
    public Path storageRoot() {
        return root.resolve("storage");
    }

    /**
     * The cluster's database administrator ({@code verbund_admin}), with which the launcher sets up
     * replication, reads its health and performs the failback; never used by the services.
     */
    public String databaseAdminPassword() {
        return secret("db-admin.properties", "Verbund ACD: password of the database administrator 'verbund_admin'");
    }

    /** The password of the cluster cache's key store ({@link ClusterCacheKey}); a cluster home's only. */
    public String clusterKeyPassword() {
        return secret("cluster-key.properties", "Verbund ACD: password of the cluster cache's key store (secrets/tls/cluster-cache.p12)");
    }

    private String secret(String fileName, String comment) {
        Properties properties = new Properties();
        Path secrets = root.resolve("secrets").resolve(fileName);
        try {
            secrets = secretsDir().resolve(fileName);
            if (Files.exists(secrets)) {
                ownerOnly(secrets);
                try (Reader reader = Files.newBufferedReader(secrets)) {
                    properties.load(reader);
                }
                return properties.getProperty("password");
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            properties.setProperty("password", password);
            Files.createFile(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(secrets)) {
                properties.store(writer, comment);
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + secrets, e);
        }
    }

    static void deleteTree(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + tree, e);
        }
    }
}
