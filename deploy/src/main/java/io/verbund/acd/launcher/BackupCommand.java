package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code verbund backup FOLDER}: the database as one consistent dump and the tenants' stored files
 * (recordings, voicemails, prompts), each file with its SHA-256, into a new folder. A cluster's
 * dump comes from a healthy replica, so the master's writes are not slowed; a running demo's from
 * its one server; a stopped demo's from its server started for the dump alone.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs up a demo or cluster: a consistent database dump (a cluster's from a healthy replica) and the stored files,"
                + " with a manifest and every file's SHA-256. Restore with: verbund restore")
final class BackupCommand implements Callable<Integer> {

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @Parameters(paramLabel = "FOLDER", description = "A new or empty folder outside the home's storage and database.")
    Path target;

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() {
        PrintStream out = verbund.out();
        Clock clock = Clock.systemUTC();
        Instant startedAt = clock.instant();
        ClusterLayout cluster = new ClusterLayout(locations.clusterHome());
        Installation installation = locations.installation();
        DatabaseDump tools = new DatabaseDump(installation);
        if (cluster.isCluster() && (cluster.isRunning() || locations.chosenHome().isPresent())) {
            if (!cluster.isRunning()) {
                verbund.err().println("The cluster in " + cluster.root() + " is not running; start it (./verbund cluster) to back it up from a replica.");
                return ExitCode.NOT_RUNNING.code();
            }
            DemoHome home = new DemoHome(cluster.root());
            BackupFolder folder = BackupFolder.newTarget(target, List.of(home.storageRoot(), cluster.databases()));
            DatabaseDump.Server source = clusterSource(cluster, installation, out);
            return backUp(folder, "cluster " + cluster.root(), source, tools, home.storageRoot(), clock, startedAt, out);
        }
        DemoHome home = locations.home();
        BackupFolder folder = BackupFolder.newTarget(target, List.of(home.storageRoot(), home.databaseDir()));
        Optional<ProcessRecord> running = ProcessRecord.read(home.processRecordFile()).filter(record -> home.isLocked());
        if (running.isPresent()) {
            out.println("Backing up the running demo in " + home.root() + " into " + folder.root() + " ...");
            return backUp(folder, "demo " + home.root(), DatabaseDump.Server.demo(home, running.get().databasePort()), tools,
                    home.storageRoot(), clock, startedAt, out);
        }
        if (!java.nio.file.Files.isDirectory(home.databaseData().resolve(MariaDbServer.DATABASE))) {
            verbund.err().println("No Verbund ACD database in " + home.root() + " to back up (start the demo once, or give --home).");
            return ExitCode.NOT_RUNNING.code();
        }
        // Stopped: its own server, started only for the dump; the lock keeps a demo start out meanwhile.
        home.lock();
        MariaDbServer server = new MariaDbServer(installation, home, NodePorts.firstFree(3316), out);
        try {
            out.println("Backing up the stopped demo in " + home.root() + " into " + folder.root() + " (starting its MariaDB for the dump) ...");
            server.start();
            return backUp(folder, "demo " + home.root(), DatabaseDump.Server.demo(home, server.port()), tools, home.storageRoot(),
                    clock, startedAt, out);
        } finally {
            server.stop();
            home.unlock();
        }
    }

    /**
     * The first replica whose replication runs; when none does, the master haproxy sends the
     * writes to (the dump's snapshot does not block its writes, it only adds reads). Says which.
     */
    private static DatabaseDump.Server clusterSource(ClusterLayout cluster, Installation installation, PrintStream out) {
        Topology topology = cluster.readTopology();
        for (Database database : topology.databases()) {
            if (database.isMaster()) {
                continue;
            }
            ClusterDatabase server = cluster.server(database, installation);
            try {
                ClusterDatabase.ReplicationState state = server.replicationState();
                if (state.healthy()) {
                    out.println("Backing up from replica " + database.name() + " (replication running, "
                            + (state.secondsBehind() < 0 ? "lag unknown" : "lag " + state.secondsBehind() + " s") + ").");
                    return DatabaseDump.Server.cluster(database, cluster.tlsDir(), server.adminPassword());
                }
                out.println("  " + database.name() + " is not a usable source: replication stopped " + state.error());
            } catch (SQLException e) {
                out.println("  " + database.name() + " is not a usable source: no answer (" + e.getMessage() + ")");
            }
        }
        String active;
        try {
            active = new HaproxyAdmin(cluster.haproxySocket()).activeMaster().orElse(topology.primaryMaster().name());
        } catch (java.io.IOException e) {
            active = topology.primaryMaster().name();
        }
        String name = active;
        Database master = topology.databases().stream().filter(database -> database.name().equals(name)).findFirst()
                .orElse(topology.primaryMaster());
        out.println("No replica is healthy: backing up from the master " + master.name()
                + " (a consistent snapshot; writes go on meanwhile). Repair the replicas: docs/operations.md, Replica maintenance.");
        return DatabaseDump.Server.cluster(master, cluster.tlsDir(), cluster.server(master, installation).adminPassword());
    }

    /**
     * The dump first, then the files: every file a dumped record names was written before the
     * snapshot and is therefore in the copy (unless retention removed it in between).
     */
    private int backUp(BackupFolder folder, String what, DatabaseDump.Server source, DatabaseDump tools, Path storageRoot,
                       Clock clock, Instant startedAt, PrintStream out) {
        folder.create();
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("created.at", startedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        manifest.put("source", what);
        manifest.put("database.source", source.description());
        manifest.put("verbund.version", Verbund.Version.text());
        manifest.putAll(tools.dump(source, folder.dump(), out));
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(BackupFolder.DUMP, BackupFolder.sha256(folder.dump()));
        BackupFolder.Progress progress = new BackupFolder.Progress(out, clock);
        BackupFolder.copyTree(storageRoot, folder.storage(), progress)
                .forEach((name, sum) -> sums.put(BackupFolder.STORAGE + "/" + name, sum));
        manifest.put("storage.root", storageRoot.toString());
        manifest.put("storage.files", Long.toString(progress.files()));
        manifest.put("storage.bytes", Long.toString(progress.bytes()));
        folder.writeManifest(manifest);
        folder.writeChecksums(sums);
        long seconds = Duration.between(startedAt, clock.instant()).toSeconds();
        out.println("Backup written to " + folder.root() + " in " + seconds + " s: database "
                + BackupFolder.Progress.size(BackupFolder.sizeOf(folder.dump())) + " from " + source.description()
                + manifest.entrySet().stream().filter(entry -> entry.getKey().equals("database.gtid")).map(entry -> " at GTID " + entry.getValue())
                .findFirst().orElse("")
                + ", " + progress.files() + " stored files (" + BackupFolder.Progress.size(progress.bytes()) + ").");
        out.println("Check a copy anywhere with: (cd " + folder.root() + " && sha256sum -c --quiet " + BackupFolder.CHECKSUMS + ")");
        return ExitCode.OK.code();
    }
}
