package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.mariadb.DatabaseTls;
import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database part of restoring a stopped cluster: every server's data folder is made anew and
 * replication set up as at a first start, then the dump goes into the primary master with its
 * binlog on, from which replication carries it to the other master and the replicas; they are
 * re-seeded from the restored master, not restored one by one, so they cannot disagree with it.
 * Waits until each has applied the master's last transaction, then stops them all.
 */
final class ClusterRestore {

    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private final ClusterLayout layout;
    private final Installation installation;
    private final PrintStream out;

    ClusterRestore(ClusterLayout layout, Installation installation, PrintStream out) {
        this.layout = layout;
        this.installation = installation;
        this.out = out;
    }

    /** What a restore needs of the home: the generated configuration and the certificates of its first start. */
    void requirePrepared(Topology topology) {
        List<Path> needed = new ArrayList<>(List.of(DatabaseTls.ca(layout.tlsDir())));
        topology.databases().forEach(database -> needed.add(layout.generated().resolve("mariadb/" + database.name() + ".cnf")));
        for (Path file : needed) {
            if (!Files.isRegularFile(file)) {
                throw new LaunchFailure(ExitCode.USAGE, "The cluster home " + layout.root() + " lacks " + file
                        + ". Start the cluster once (./verbund cluster --home " + layout.root() + "), stop it, then restore. Nothing was changed.");
            }
        }
    }

    /** @return what the restored primary master holds, for the user */
    String restore(Topology topology, Path dump) throws SQLException {
        List<ClusterDatabase> servers = topology.databases().stream().map(database -> layout.server(database, installation)).toList();
        for (Database database : topology.databases()) {
            DemoHome.deleteTree(layout.databaseDir(database.name()).resolve("data"));
        }
        out.println("Starting " + String.join(", ", topology.databases().stream().map(Database::name).toList())
                + " on new data folders ...");
        try {
            List<CompletableFuture<Void>> starts = servers.stream().map(server -> CompletableFuture.runAsync(server::start)).toList();
            try {
                CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            servers.forEach(ClusterDatabase::setUpReplication);
            ClusterDatabase primary = servers.stream().filter(server -> server.name().equals(topology.primaryMaster().name())).findFirst().orElseThrow();
            out.println("  loading the dump into " + primary.name() + " (replication carries it to the others) ...");
            new DatabaseDump(installation).load(DatabaseDump.Server.cluster(primary.topology(), layout.tlsDir(), primary.adminPassword()), dump);
            String position = primary.queryAsAdmin("SELECT @@gtid_binlog_pos");
            for (ClusterDatabase server : servers) {
                if (server != primary) {
                    server.awaitApplied(position, CATCH_UP);
                    out.printf("  %-9s has applied the restore (GTID %s)%n", server.name(), position);
                }
            }
            return primary.queryAsAdmin("SELECT CONCAT((SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                    + MariaDbServer.DATABASE + "'), ' tables, ', (SELECT COUNT(*) FROM " + MariaDbServer.DATABASE + ".call_record), ' call records')");
        } finally {
            for (int i = servers.size() - 1; i >= 0; i--) {
                servers.get(i).stop();
            }
        }
    }
}
