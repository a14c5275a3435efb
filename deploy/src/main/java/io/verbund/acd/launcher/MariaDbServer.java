package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One MariaDB server run from the binaries Maven brought (no system package, no root), with its
 * own {@code my.cnf} and data folder. On the first start it creates the database {@code verbund}
 * and the application's own user; the services never connect as root.
 */
public final class MariaDbServer {

    public static final String DATABASE = "verbund";
    public static final String USER = "verbund";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path basedir;
    private final Path dir;
    private final int port;
    private final DemoHome home;
    private final PrintStream out;
    private String password;
    private Process process;

    public MariaDbServer(Installation installation, DemoHome home, int port, PrintStream out) {
        this.basedir = installation.mariadbHome();
        this.dir = home.databaseDir();
        this.port = port;
        this.home = home;
        this.out = out;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** The demo's database on {@code port}: loopback only, so in clear (the demo says so). */
    static String jdbcUrl(int port) {
        return "jdbc:mariadb://" + NodePorts.HOST + ":" + port + "/" + DATABASE + "?connectTimeout=3000";
    }

    /** The application user's password; known once the server has started. */
    public String password() {
        return password == null ? home.databasePassword() : password;
    }

    public Optional<Long> pid() {
        return process != null && process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    public void start() {
        password = home.databasePassword();
        makeExecutable(basedir);
        try {
            Files.createDirectories(dir);
            writeConfiguration();
            boolean firstStart = !Files.isDirectory(dataDir().resolve("mysql"));
            if (firstStart) {
                out.println("  database: creating a new MariaDB data folder in " + dataDir());
                initialise(basedir, dir.resolve("my.cnf"), dir.resolve("install.log"), dir.resolve("mariadb.log"));
            }
            Path bootstrap = dir.resolve("bootstrap.sql");
            process = MariaDbProcess.launch(basedir, List.of("--defaults-file=" + dir.resolve("my.cnf")),
                    firstStart ? Optional.of(bootstrapSql()) : Optional.empty(), bootstrap, dir.resolve("mariadb.log"));
            MariaDbProcess.awaitReady(process, "MariaDB", this::connect, START_TIMEOUT, dir.resolve("mariadb.log"));
            Files.deleteIfExists(bootstrap);
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "MariaDB could not start: " + e.getMessage(), e);
        }
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            ManagedProcess.terminate(process.toHandle(), Duration.ofSeconds(30));
        }
        process = null;
    }

    /** A connection as the application user, for the launcher's and the tests' own checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password);
    }

    private void writeConfiguration() throws IOException {
        String user = System.getProperty("user.name");
        String config = String.join("\n",
                "# Written by the Verbund ACD launcher at every start; edit the launcher, not this file.",
                "[mariadbd]",
                "basedir=" + basedir,
                "datadir=" + dataDir(),
                "port=" + port,
                "bind-address=" + NodePorts.HOST,
                "socket=" + socketPath(),
                "pid-file=" + dir.resolve("mariadbd.pid"),
                "user=" + user,
                "skip_name_resolve=ON",
                "character-set-server=utf8mb4",
                "collation-server=utf8mb4_unicode_ci",
                "default-time-zone=+00:00",
                "innodb_buffer_pool_size=128M",
                "innodb_log_file_size=48M",
                "max_connections=200",
                "log_bin=" + dir.resolve("binlog/mariadb-bin"),
                "binlog_format=ROW",
                "server_id=1",
                "# Loopback only. Without this, MariaDB 11.4 generates a TLS key at every start (~14 s here).",
                "skip-ssl",
                "",
                "[client]",
                "socket=" + socketPath(),
                "");
        Files.createDirectories(dir.resolve("binlog"));
        Files.writeString(dir.resolve("my.cnf"), config);
    }

    /** Unix sockets allow about 107 bytes of path; a deep checkout gets one under the temp folder. */
    private Path socketPath() {
        Path inFolder = dir.resolve("mariadbd.sock");
        if (inFolder.toString().length() < 100) {
            return inFolder;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "verbund-" + Integer.toHexString(dir.hashCode()) + ".sock");
    }

    /**
     * Creates a new data folder as the configuration file names it (mariadb-install-db);
     * {@code options} go to the server it runs. A failure quotes the end of the install log and of
     * {@code errorLog}, where a configuration with {@code log_error} sends the server's complaint.
     */
    static void initialise(Path basedir, Path configuration, Path log, Path errorLog, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(basedir.resolve("scripts/mariadb-install-db").toString(),
                "--defaults-file=" + configuration, "--basedir=" + basedir, "--skip-test-db",
                "--user=" + System.getProperty("user.name")));
        command.addAll(List.of(options));
        Process install = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new LaunchFailure(ExitCode.FAILED, "mariadb-install-db failed; see " + log + ":\n"
                        + tail(log) + tail(errorLog));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(ExitCode.FAILED, "interrupted while creating the database");
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size())) + "\n";
    }

    /** Runs once, as the server starts on a new data folder: the database and its own user. */
    private String bootstrapSql() {
        String quoted = MariaDbProcess.quoted(password);
        return String.join("\n",
                "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + quoted + "';",
                "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';",
                "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'localhost';",
                // Read-only, as in the cluster: the journal asks for the replication's position before its first write.
                "GRANT SLAVE MONITOR ON *.* TO '" + USER + "'@'127.0.0.1';",
                "GRANT SLAVE MONITOR ON *.* TO '" + USER + "'@'localhost';",
                "");
    }

    /** Maven's unpacking drops the executable bits of the binaries. */
    static void makeExecutable(Path basedir) {
        for (String folder : new String[] {"bin", "scripts"}) {
            try (Stream<Path> files = Files.list(basedir.resolve(folder))) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    try {
                        var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                        if (permissions.add(PosixFilePermission.OWNER_EXECUTE)) {
                            Files.setPosixFilePermissions(file, permissions);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new LaunchFailure(ExitCode.NOT_BUILT, "cannot prepare MariaDB binaries in " + basedir, e);
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(ExitCode.FAILED, "interrupted");
        }
    }
}
