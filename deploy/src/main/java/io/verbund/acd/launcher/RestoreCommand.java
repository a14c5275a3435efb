package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code verbund restore FOLDER}: puts a backup back into a demo or cluster home that is stopped.
 * Stopped, because the running services keep state beside the database (agent states and calls in
 * the cache, open recordings) that a database swapped under them would contradict; {@code
 * ./verbund demo} or {@code cluster} afterwards starts on the restored data. Every file's SHA-256
 * is checked before anything is changed; the database is loaded into the demo's own server
 * (created anew when its data was lost) or a cluster's primary master ({@link ClusterRestore}),
 * and the stored files replace the home's storage folder.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores a backup of verbund backup into a stopped demo or cluster home. Checks every file's SHA-256 first"
                + " and changes nothing when one is missing or differs. Start the home afterwards as before.")
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @Parameters(paramLabel = "FOLDER", description = "A folder ./verbund backup wrote.")
    Path source;

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() throws SQLException {
        PrintStream out = verbund.out();
        BackupFolder backup = new BackupFolder(source);
        if (!Files.isDirectory(backup.root())) {
            verbund.err().println("No backup folder " + backup.root() + ".");
            return ExitCode.USAGE.code();
        }
        ClusterLayout cluster = new ClusterLayout(locations.clusterHome());
        boolean isCluster = cluster.isCluster() && (cluster.isRunning() || locations.chosenHome().isPresent());
        DemoHome home = isCluster ? new DemoHome(cluster.root()) : locations.home();
        if (home.isLocked()) {
            verbund.err().println("Verbund ACD runs from " + home.root() + "; restore needs it stopped: ./verbund stop"
                    + (locations.chosenHome().isPresent() ? " --home " + home.root() : "") + ". Nothing was changed.");
            return ExitCode.ALREADY_RUNNING.code();
        }
        home.lock();
        try {
            if (isCluster) {
                ClusterRestore restore = new ClusterRestore(cluster, locations.installation(), out);
                var topology = cluster.readTopology();
                restore.requirePrepared(topology);
                return restore(backup, home, out, dump -> restore.restore(topology, dump),
                        "./verbund cluster" + (locations.chosenHome().isPresent() ? " --home " + home.root() : ""));
            }
            return restore(backup, home, out, dump -> {
                Installation installation = locations.installation();
                MariaDbServer server = new MariaDbServer(installation, home, NodePorts.firstFree(3316), out);
                try {
                    out.println("Starting the home's MariaDB to load the dump ...");
                    server.start();
                    new DatabaseDump(installation).load(DatabaseDump.Server.demo(home, server.port()), dump);
                    return describe(server);
                } finally {
                    server.stop();
                }
            }, "./verbund demo" + (locations.chosenHome().isPresent() ? " --home " + home.root() : ""));
        } finally {
            home.unlock();
        }
    }

    /** Loads the dump into the home's database server(s); says what the restored database holds. */
    @FunctionalInterface
    private interface DatabaseLoad {
        String load(Path dump) throws SQLException;
    }

    private static int restore(BackupFolder backup, DemoHome home, PrintStream out, DatabaseLoad database, String start) throws SQLException {
        Clock clock = Clock.systemUTC();
        BackupFolder.Progress progress = new BackupFolder.Progress(out, clock);
        out.println("Checking " + backup.root() + " ...");
        Map<String, String> sums = backup.verify(progress);
        Properties manifest = backup.readManifest();
        out.println("  every file matches its SHA-256. Backup of " + manifest.getProperty("source") + " taken "
                + manifest.getProperty("created.at") + " from " + manifest.getProperty("database.source") + ".");

        // The files first, into a folder beside the storage: a failure here leaves the home as it was.
        Path staging = home.storageRoot().resolveSibling("storage.restoring");
        DemoHome.deleteTree(staging);
        Map<String, String> copied = BackupFolder.copyTree(backup.storage(), staging, progress);
        copied.forEach((name, sum) -> {
            if (!sum.equals(sums.get(BackupFolder.STORAGE + "/" + name))) {
                DemoHome.deleteTree(staging);
                throw new LaunchFailure(ExitCode.FAILED, "storage/" + name + " changed while it was restored; the database was not touched.");
            }
        });

        String tables = database.load(backup.dump());
        out.println("  database: loaded " + BackupFolder.Progress.size(BackupFolder.sizeOf(backup.dump())) + " dump: " + tables);

        DemoHome.deleteTree(home.storageRoot());
        try {
            Files.createDirectories(staging);
            Files.move(staging, home.storageRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + home.storageRoot(), e);
        }
        out.println("  storage: " + progress.files() + " files (" + BackupFolder.Progress.size(progress.bytes()) + ") in " + home.storageRoot());
        out.println("Restored " + backup.root() + " into " + home.root() + ". Start it with: " + start);
        return ExitCode.OK.code();
    }

    /** How many tables and call records the restored database holds, as the user can check them. */
    private static String describe(MariaDbServer server) throws SQLException {
        try (Connection db = server.connect(); Statement statement = db.createStatement()) {
            long tables = count(statement, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + MariaDbServer.DATABASE + "'");
            long calls = count(statement, "SELECT COUNT(*) FROM call_record");
            return tables + " tables, " + calls + " call records";
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
