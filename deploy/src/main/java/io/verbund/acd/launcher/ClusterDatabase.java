package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.mariadb.DatabaseTls;
import io.verbund.acd.lbconfig.topology.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One MariaDB server of the cluster, run from the binaries Maven brought with exactly the
 * {@code my.cnf} lb-config generated for it. Its first start creates the data folder, the
 * application's user and the launcher's administrator (with the binlog off: every server makes its
 * own, nothing of it replicates); every start then runs lb-config's replication script, which is
 * idempotent and resumes from the GTID position. Every connection is TLS, checked against the
 * cluster's CA ({@link ClusterCertificates}); the accounts with data refuse anything else.
 */
public final class ClusterDatabase {

    public static final String ADMIN = "verbund_admin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Database database;
    private final Path basedir;
    private final Path configuration;
    private final Path replicationScript;
    private final Path dir;
    private final String password;
    private final String adminPassword;
    private final Path tlsDir;
    private Process process;

    ClusterDatabase(Database database, Installation installation, Path generated, Path dir, String password, String adminPassword,
                    Path tlsDir) {
        this.tlsDir = tlsDir;
        this.database = database;
        this.basedir = installation.mariadbHome();
        this.configuration = generated.resolve("mariadb/" + database.name() + ".cnf");
        this.replicationScript = generated.resolve("mariadb/replication-" + database.name() + ".sql");
        this.dir = dir;
        this.password = password;
        this.adminPassword = adminPassword;
    }

    public String name() {
        return database.name();
    }

    public Database topology() {
        return database;
    }

    public Optional<Long> pid() {
        return process != null && process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    Path log() {
        return dir.resolve("mariadbd.err");
    }

    /**
     * What this failed master's binlog holds that {@code peer}, the other master, never received:
     * read from its files before it starts. Such commits were killed while they waited for their
     * semi-sync acknowledgement, and the nodes retried them on the peer; started as it is, this
     * server would meet their retried copies as duplicate keys at failback, so {@link MasterRebuild}
     * makes it (and its replicas) anew from the peer instead.
     */
    UnreceivedCommits unreceivedBy(ClusterDatabase peer) {
        long domain = database.serverId();
        OptionalLong written;
        try {
            written = BinlogTail.lastSequence(dir.resolve("data").resolve(database.name() + "-bin.index"), domain);
        } catch (IOException e) {
            written = OptionalLong.empty();
        }
        return new UnreceivedCommits(database.name(), peer.database.name(), domain, written, peer.receivedOf(domain));
    }

    /** The last sequence number of this server's own GTID domain in its binlog, against what the other master received. */
    record UnreceivedCommits(String master, String peer, long domain, OptionalLong written, OptionalLong received) {

        long count() {
            return written.isPresent() && received.isPresent() ? Math.max(0, written.getAsLong() - received.getAsLong()) : 0;
        }

        @Override
        public String toString() {
            String found = "its binlog ended at " + domain + "-" + domain + "-" + (written.isPresent() ? String.valueOf(written.getAsLong()) : "?")
                    + ", " + peer + " had received up to " + (received.isPresent() ? String.valueOf(received.getAsLong()) : "?");
            if (written.isEmpty() || received.isEmpty()) {
                return found + ": cannot tell whether " + peer + " lacks any of it; started as it is";
            }
            return count() > 0 ? found + ": " + count() + " commit(s) " + peer + " never received" : found + ": nothing only here";
        }
    }

    /** The last sequence number of GTID domain {@code domain} this server's replication received, if it can say. */
    private OptionalLong receivedOf(long domain) {
        try (Connection connection = connectAsAdmin(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW SLAVE STATUS")) {
            if (!rows.next()) {
                return OptionalLong.empty();
            }
            return GtidPosition.parse(rows.getString("Gtid_IO_Pos")).sequenceOf(domain);
        } catch (SQLException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public void start() {
        MariaDbServer.makeExecutable(basedir);
        try {
            Files.createDirectories(dir);
            boolean firstStart = !Files.isDirectory(dir.resolve("data/mysql"));
            Path tmp = dir.resolve("tmp");
            Files.createDirectories(tmp);
            if (firstStart) {
                // One at a time, each with its own temporary folder: two mariadb-install-db runs
                // side by side in /tmp were seen to fail on each other's temporary tables.
                synchronized (ClusterDatabase.class) {
                    MariaDbServer.initialise(basedir, configuration, dir.resolve("install.log"), log(), "--tmpdir=" + tmp);
                }
            }
            Path bootstrap = dir.resolve("bootstrap.sql");
            process = MariaDbProcess.launch(basedir, List.of("--defaults-file=" + configuration, "--basedir=" + basedir,
                            "--user=" + System.getProperty("user.name"), "--tmpdir=" + tmp),
                    firstStart ? Optional.of(bootstrapSql()) : Optional.empty(), bootstrap, dir.resolve("console.log"));
            MariaDbProcess.awaitReady(process, database.name(), this::connectAsAdmin, START_TIMEOUT, log());
            Files.deleteIfExists(bootstrap);
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, database.name() + " could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Runs lb-config's replication script for this server (accounts, then the replication source
     * over TLS), and makes the application's and the administrator's accounts TLS-only, which
     * servers created before TLS did not yet ask.
     */
    public void setUpReplication() {
        try (Connection connection = connectAsAdmin(); Statement statement = connection.createStatement()) {
            statement.execute("SET sql_log_bin = 0");
            for (String account : List.of(MariaDbServer.USER, ADMIN)) {
                statement.execute("ALTER USER IF EXISTS '" + account + "'@'127.0.0.1' REQUIRE SSL");
            }
            statement.execute("SET sql_log_bin = 1");
            for (String sql : ReplicationScript.statements(Files.readString(replicationScript))) {
                statement.execute(sql);
            }
        } catch (IOException | SQLException e) {
            throw new LaunchFailure(ExitCode.FAILED, "replication set-up of " + database.name() + " from "
                    + replicationScript + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops the server the way an operator would (SIGTERM, then SIGKILL after 30 s). */
    public void stop() {
        if (process != null && process.isAlive()) {
            ManagedProcess.terminate(process.toHandle(), Duration.ofSeconds(30));
        }
        process = null;
    }

    String adminPassword() {
        return adminPassword;
    }

    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(url(""), ADMIN, adminPassword);
    }

    /** The application user's connection straight to this server (not through haproxy). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(MariaDbServer.DATABASE), MariaDbServer.USER, password);
    }

    /** The first column of the first row of an administrator's query. */
    String queryAsAdmin(String sql) throws SQLException {
        try (Connection connection = connectAsAdmin(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs the statements in order on one administrator's connection. */
    void executeAsAdmin(String... statements) throws SQLException {
        try (Connection connection = connectAsAdmin(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Waits until this server's replication has applied {@code position}; short waits in a loop,
     * since the administrator's connection gives up on a statement after 10 s.
     */
    void awaitApplied(String position, Duration timeout) throws SQLException {
        if (appliedWithin(position, timeout)) {
            return;
        }
        throw new LaunchFailure(ExitCode.FAILED, database.name() + " did not apply GTID " + position + " within "
                + timeout.toSeconds() + " s: " + replicationState().error() + "; see " + log());
    }

    /** Whether this server's replication applies {@code position} within {@code timeout}. */
    boolean appliedWithin(String position, Duration timeout) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        String wait = "SELECT MASTER_GTID_WAIT('" + position.replace("'", "") + "', 5)";
        while (Instant.now().isBefore(deadline)) {
            if ("0".equals(queryAsAdmin(wait))) {
                return true;
            }
        }
        return false;
    }

    /** What this server reports about the source it replicates from. */
    public ReplicationState replicationState() throws SQLException {
        try (Connection connection = connectAsAdmin(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW SLAVE STATUS")) {
            if (!rows.next()) {
                return ReplicationState.NOT_CONFIGURED;
            }
            long lag = rows.getLong("Seconds_Behind_Master");
            return new ReplicationState(true, "Yes".equals(rows.getString("Slave_IO_Running")),
                    "Yes".equals(rows.getString("Slave_SQL_Running")), rows.wasNull() ? -1 : lag,
                    nonBlank(rows.getString("Last_IO_Error")) + nonBlank(rows.getString("Last_SQL_Error")));
        }
    }

    private static String nonBlank(String text) {
        return text == null ? "" : text;
    }

    Path tlsDir() {
        return tlsDir;
    }

    private String url(String schema) {
        return url(tlsDir, database.endpoint().host(), database.endpoint().port(), schema) + "&socketTimeout=10000";
    }

    /** A TLS connection to {@code host:port} that accepts only a server certificate of the cluster's CA. */
    static String url(Path tlsDir, String host, int port, String schema) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + schema + "?connectTimeout=3000&" + DatabaseTls.jdbcOptions(tlsDir);
    }

    /** First start only: the database, the application's user and the administrator, on this server alone. */
    private String bootstrapSql() {
        return String.join("\n",
                "SET sql_log_bin = 0;",
                "CREATE DATABASE IF NOT EXISTS " + MariaDbServer.DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + MariaDbServer.USER + "'@'127.0.0.1' IDENTIFIED BY '" + MariaDbProcess.quoted(password)
                        + "' REQUIRE SSL;",
                "GRANT ALL PRIVILEGES ON " + MariaDbServer.DATABASE + ".* TO '" + MariaDbServer.USER + "'@'127.0.0.1';",
                // Read-only: a node's journal reads the replication's position to wait for it after a failover.
                "GRANT SLAVE MONITOR ON *.* TO '" + MariaDbServer.USER + "'@'127.0.0.1';",
                "CREATE USER IF NOT EXISTS '" + ADMIN + "'@'127.0.0.1' IDENTIFIED BY '" + MariaDbProcess.quoted(adminPassword)
                        + "' REQUIRE SSL;",
                "GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN + "'@'127.0.0.1' WITH GRANT OPTION;",
                "SET sql_log_bin = 1;",
                "");
    }

    /** A replica's (or master's) view of its replication source. */
    public record ReplicationState(boolean configured, boolean ioRunning, boolean sqlRunning, long secondsBehind, String error) {

        static final ReplicationState NOT_CONFIGURED = new ReplicationState(false, false, false, -1, "");

        public boolean healthy() {
            return configured && ioRunning && sqlRunning;
        }
    }
}
