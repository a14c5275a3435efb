package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.mariadb.DatabaseTls;
import io.verbund.acd.lbconfig.topology.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database part of a backup: {@code mariadb-dump} and {@code mariadb} of the built node, the
 * very version of the servers they talk to (MariaDB 11.4), against one server. The dump is one
 * consistent snapshot ({@code --single-transaction}: every table is InnoDB) taken without locking
 * out the services' writes, with the binlog file, position and GTID of that snapshot written into
 * it ({@code --master-data=2 --gtid}, as comments), which is what a replica re-seeded from it needs.
 */
final class DatabaseDump {

    private static final Pattern BINLOG = Pattern.compile("^-- CHANGE MASTER TO MASTER_LOG_FILE='([^']+)', MASTER_LOG_POS=(\\d+);");
    private static final Pattern GTID = Pattern.compile("^-- SET GLOBAL gtid_slave_pos='([^']*)';");
    private static final Pattern SERVER = Pattern.compile("^-- Server version\\s+(.+)$");

    /** How the tools reach one server: their options, and what to call it in messages and the manifest. */
    record Server(List<String> options, Optional<String> password, String description) {

        /**
         * A demo's (or a stopped home's) own server, through its socket as the operating-system user
         * that created it ({@code mariadb-install-db} gives that user every privilege over the
         * socket): no password at all.
         */
        static Server demo(DemoHome home, int port) {
            return new Server(List.of("--defaults-file=" + home.databaseDir().resolve("my.cnf"), "--skip-ssl",
                    "--user=" + System.getProperty("user.name")), Optional.empty(),
                    "the demo's MariaDB (port " + port + ", data " + home.databaseData() + ")");
        }

        /** One server of a cluster, over TLS checked against the cluster's CA, as its administrator. */
        static Server cluster(Database database, Path tlsDir, String adminPassword) {
            return new Server(List.of("--host=" + database.endpoint().host(), "--port=" + database.endpoint().port(),
                    "--user=" + ClusterDatabase.ADMIN, "--ssl-ca=" + DatabaseTls.ca(tlsDir), "--ssl-verify-server-cert"),
                    Optional.of(adminPassword), database.name() + " (" + (database.isMaster() ? "master" : "replica") + ", "
                    + database.endpoint() + ")");
        }
    }

    private final Installation installation;

    DatabaseDump(Installation installation) {
        this.installation = installation;
    }

    /**
     * Dumps the {@value MariaDbServer#DATABASE} database of {@code server} into {@code file},
     * printing its size while it grows. Returns what the manifest records about it.
     */
    Map<String, String> dump(Server server, Path file, PrintStream out) {
        List<String> arguments = List.of("--single-transaction", "--master-data=2", "--gtid", "--add-drop-database",
                "--routines", "--events", "--triggers", "--hex-blob", "--databases", MariaDbServer.DATABASE);
        try {
            Files.createDirectories(file.getParent());
            Tool dump = start("mariadb-dump", server, arguments, ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.to(file.toFile()));
            dump.process().getOutputStream().close();
            Instant nextReport = Instant.now().plusSeconds(1);
            while (!dump.process().waitFor(200, TimeUnit.MILLISECONDS)) {
                if (Instant.now().isAfter(nextReport)) {
                    out.println("  database: " + BackupFolder.Progress.size(Files.size(file)) + " dumped ...");
                    nextReport = Instant.now().plusSeconds(1);
                }
            }
            finish(dump, "mariadb-dump of " + server.description());
            out.println("  database: " + BackupFolder.Progress.size(Files.size(file)) + " dumped from " + server.description());
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("database.tool", version("mariadb-dump"));
            facts.putAll(positions(file));
            return facts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dump " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(ExitCode.FAILED, "interrupted while dumping the database");
        }
    }

    /** Loads {@code file} into {@code server}: the dump drops and recreates the database itself. */
    void load(Server server, Path file) {
        try {
            Tool load = start("mariadb", server, List.of("--batch"), ProcessBuilder.Redirect.from(file.toFile()),
                    ProcessBuilder.Redirect.DISCARD);
            finish(load, "loading " + file + " into " + server.description());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(ExitCode.FAILED, "interrupted while loading the database");
        }
    }

    /**
     * Starts one of the tools. A password goes into an option file only its owner may read, removed
     * once the tool has read it, never onto the command line (where {@code ps} would show it).
     */
    private Tool start(String tool, Server server, List<String> arguments, ProcessBuilder.Redirect in,
                          ProcessBuilder.Redirect output) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(installation.mariadbHome().resolve("bin").resolve(tool).toString()));
        Path options = null;
        try {
            if (server.password().isPresent()) {
                options = Files.createTempFile("verbund-client-", ".cnf",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(options, "[client]\npassword=\"" + server.password().get().replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
                command.add("--defaults-extra-file=" + options);
            }
            command.addAll(server.options());
            command.addAll(arguments);
            Path errors = Files.createTempFile("verbund-" + tool + "-", ".err");
            Process process = new ProcessBuilder(command).redirectInput(in).redirectOutput(output)
                    .redirectError(errors.toFile()).start();
            return new Tool(process, errors, options);
        } catch (IOException e) {
            deleteQuietly(options);
            throw new LaunchFailure(ExitCode.FAILED, "cannot run " + tool + ": " + e.getMessage(), e);
        }
    }

    /** A running tool, its error output kept until it ends, and the option file to remove then. */
    private record Tool(Process process, Path errors, Path options) {
    }

    private static void finish(Tool tool, String what) throws InterruptedException {
        Process process = tool.process();
        try {
            if (!process.waitFor(6, TimeUnit.HOURS)) {
                ManagedProcess.terminate(process.toHandle(), Duration.ofSeconds(10));
            }
            if (process.exitValue() != 0) {
                String errors = Files.readString(tool.errors()).strip();
                throw new LaunchFailure(ExitCode.FAILED, what + " failed (exit " + process.exitValue() + ")"
                        + (errors.isEmpty() ? "" : ":\n" + errors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tool.errors());
            deleteQuietly(tool.options());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left in the temp folder; the option file is owner-only.
            }
        }
    }

    /** What {@code tool --version} says, for the manifest. */
    String version(String tool) {
        try {
            Process process = new ProcessBuilder(installation.mariadbHome().resolve("bin").resolve(tool).toString(), "--version")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(10, TimeUnit.SECONDS);
            return text.replace(installation.mariadbHome().resolve("bin").toString() + "/", "");
        } catch (IOException e) {
            return tool + " (version unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tool + " (version unknown)";
        }
    }

    /**
     * The server's version and the snapshot's binlog position and GTID, from the dump's comments:
     * the header carries the first two, the end (after every table) the GTID, so only those parts
     * are read.
     */
    static Map<String, String> positions(Path dump) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            String line;
            int read = 0;
            while ((line = reader.readLine()) != null && read++ < 400 && facts.size() < 2) {
                match(SERVER, line).ifPresent(version -> facts.put("database.server.version", version.group(1).strip()));
                match(BINLOG, line).ifPresent(binlog -> facts.put("database.binlog.position", binlog.group(1) + ":" + binlog.group(2)));
            }
        }
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(dump.toFile(), "r")) {
            long from = Math.max(0, file.length() - TAIL);
            byte[] tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
            new String(tail, StandardCharsets.UTF_8).lines().map(line -> match(GTID, line)).flatMap(Optional::stream)
                    .reduce((first, last) -> last).ifPresent(gtid -> facts.put("database.gtid", gtid.group(1)));
        }
        return facts;
    }

    private static final int TAIL = 64 * 1024;

    private static Optional<Matcher> match(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Optional.of(matcher) : Optional.empty();
    }
}
