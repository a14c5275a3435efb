package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a failed master and its replicas anew from the other master, when the failed one came back
 * with commits the other never received ({@link ClusterDatabase#unreceivedBy}). Those commits were
 * never acknowledged (semi-sync), and the nodes wrote them again on the other master, with other
 * row ids: started as it is, the failed master would meet those rows as duplicate keys and stop
 * replicating, and the other master would take in the unacknowledged originals. Its replicas may
 * hold them too (they replicate asynchronously), so they are made anew with it.
 *
 * <p>The old data folders are kept beside the new ones. The failed master's binlog continues the
 * other master's GTID state, so the other master and the replicas of the other master see its
 * domain go on where they left it; the dump goes into it with the binlog on, so its replicas take
 * it through replication, and the other master is told to start after it. Writes stay on the
 * other master: failing back is {@code ./verbund failback}'s job, as after every restart.
 */
final class MasterRebuild {

    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ClusterLayout layout;
    private final Installation installation;
    private final HaproxyAdmin haproxy;
    private final Clock clock;
    private final PrintStream out;

    MasterRebuild(ClusterLayout layout, Installation installation, HaproxyAdmin haproxy, Clock clock, PrintStream out) {
        this.layout = layout;
        this.installation = installation;
        this.haproxy = haproxy;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Rebuilds {@code master} (stopped) and {@code replicas} (stopped here if they run) from
     * {@code peer}. {@code pids} are the running processes by name, as the cluster record has them.
     *
     * @return the new processes by name, for the cluster record
     */
    Map<String, Optional<Long>> rebuild(ClusterDatabase master, ClusterDatabase peer, List<ClusterDatabase> replicas,
                                        Map<String, Long> pids) {
        String names = master.name() + (replicas.isEmpty() ? "" : " and " + String.join(", ", replicas.stream().map(ClusterDatabase::name).toList()));
        out.println("  " + names + " are made anew from " + peer.name() + ": the nodes wrote those commits again on "
                + peer.name() + " (docs/operations.md, 'A master that comes back with commits the other never received').");
        List<HaproxyAdmin.Server> heldBack = new ArrayList<>();
        Path pending = pending(layout, master.name());
        try {
            Files.writeString(pending, "being made anew from " + peer.name() + " since " + clock.instant()
                    + "; ./verbund restart " + master.name() + " starts the rebuild over\n");
            peer.executeAsAdmin("STOP SLAVE");
            out.println("  1. " + peer.name() + ": replication from " + master.name() + " stopped (it must not take those commits in)");
            for (ClusterDatabase replica : replicas) {
                heldBack.addAll(holdBack(replica));
                Optional.ofNullable(pids.get(replica.name())).flatMap(pid -> ManagedProcess.ours(pid, layout.root().toString()))
                        .ifPresent(process -> {
                            ManagedProcess.terminate(process, Duration.ofSeconds(30));
                            out.println("  2. " + replica.name() + " stopped (pid " + process.pid() + ")");
                        });
            }
            String stamp = STAMP.format(clock.instant());
            List<ClusterDatabase> rebuilt = new ArrayList<>(List.of(master));
            rebuilt.addAll(replicas);
            for (ClusterDatabase server : rebuilt) {
                out.println("  3. " + server.name() + "'s data kept in " + keepAside(server.topology(), stamp));
            }
            Path dump = layout.databaseDir(master.name()).resolve("rebuild-from-" + peer.name() + ".sql");
            try {
                DatabaseDump tools = new DatabaseDump(installation);
                String snapshot = tools.dump(server(peer), dump, out).get("database.gtid");
                if (snapshot == null) {
                    throw new LaunchFailure(ExitCode.FAILED, "the dump of " + peer.name() + " names no GTID position; nothing was started");
                }
                for (ClusterDatabase server : rebuilt) {
                    server.start();
                }
                out.println("  4. " + names + " started on new data folders; the snapshot of " + peer.name() + " is at GTID " + snapshot);
                // The binlog goes on from the snapshot's state, so the GTIDs it writes follow the ones the
                // other servers have; without waiting for an acknowledgement nobody can give yet.
                master.executeAsAdmin("SET GLOBAL rpl_semi_sync_master_enabled = OFF", "RESET MASTER",
                        "SET GLOBAL gtid_binlog_state = '" + snapshot + "'");
                out.println("  5. loading it into " + master.name() + " ...");
                tools.load(server(master), dump);
                master.executeAsAdmin("SET GLOBAL gtid_slave_pos = '" + snapshot + "'");
                master.setUpReplication();
                master.executeAsAdmin("SET GLOBAL rpl_semi_sync_master_enabled = ON");
                String loaded = master.queryAsAdmin("SELECT @@gtid_binlog_pos");
                peer.executeAsAdmin("SET GLOBAL gtid_slave_pos = '" + loaded + "'", "START SLAVE");
                out.println("  6. " + master.name() + " replicates from " + peer.name() + " after " + snapshot + "; "
                        + peer.name() + " from " + master.name() + " after " + loaded);
                for (ClusterDatabase replica : replicas) {
                    replica.executeAsAdmin("SET GLOBAL gtid_slave_pos = '" + snapshot + "'");
                    replica.setUpReplication();
                    replica.awaitApplied(loaded, CATCH_UP);
                    out.println("  7. " + replica.name() + " has applied " + master.name() + "'s load (GTID " + loaded + ")");
                }
            } finally {
                Files.deleteIfExists(dump);
            }
            release(heldBack);
            Files.delete(pending);
            Map<String, Optional<Long>> started = new LinkedHashMap<>();
            rebuilt.forEach(server -> started.put(server.name(), server.pid()));
            return started;
        } catch (SQLException | IOException | LaunchFailure e) {
            throw new LaunchFailure(ExitCode.FAILED, "rebuilding " + names + " from " + peer.name() + " failed: " + e.getMessage()
                    + ". " + peer.name() + "'s replication from " + master.name() + " may be stopped and the replicas in haproxy"
                    + " maintenance; the old data folders are kept (data.before-rebuild-*). Once the cause is fixed, stop "
                    + master.name() + " if it runs and run ./verbund restart " + master.name() + " again: it starts the rebuild over.", e);
        }
    }

    /** A rebuild that began and did not end: the next restart of the master starts it over. */
    static boolean isPending(ClusterLayout layout, String master) {
        return Files.isRegularFile(pending(layout, master));
    }

    private static Path pending(ClusterLayout layout, String master) {
        return layout.databaseDir(master).resolve("rebuild.pending");
    }

    private DatabaseDump.Server server(ClusterDatabase database) {
        return DatabaseDump.Server.cluster(database.topology(), layout.tlsDir(), database.adminPassword());
    }

    /** The data folder moves beside the new one, named by the moment: nothing of it is lost. */
    private Path keepAside(Database database, String stamp) throws IOException {
        Path data = layout.databaseDir(database.name()).resolve("data");
        Path kept = data.resolveSibling("data.before-rebuild-" + stamp);
        if (Files.isDirectory(data)) {
            Files.move(data, kept);
        }
        return kept;
    }

    /** A replica being rebuilt answers no reads until it holds everything again. */
    private List<HaproxyAdmin.Server> holdBack(ClusterDatabase replica) throws IOException {
        List<HaproxyAdmin.Server> entries = haproxy.servers().stream().filter(server -> server.name().equals(replica.name())).toList();
        for (HaproxyAdmin.Server entry : entries) {
            haproxy.command("disable server " + entry.backend() + "/" + entry.name());
        }
        if (!entries.isEmpty()) {
            out.println("  haproxy: " + replica.name() + " in maintenance until it has caught up");
        }
        return entries;
    }

    private void release(List<HaproxyAdmin.Server> entries) throws IOException {
        for (HaproxyAdmin.Server entry : entries) {
            haproxy.command("enable server " + entry.backend() + "/" + entry.name());
        }
        if (!entries.isEmpty()) {
            out.println("  haproxy: " + String.join(", ", entries.stream().map(entry -> entry.backend() + "/" + entry.name()).toList())
                    + " enabled again");
        }
    }
}
