package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The documented manual failback (docs/operations.md): only once the primary master has applied
 * everything the backup wrote, haproxy forgets the failed-over master and cuts the backup's
 * sessions, so the pools reconnect to the primary. Refuses, changing nothing, when the primary is
 * down, does not replicate, or does not catch up in time.
 */
final class MasterFailback {

    private static final int CATCH_UP_SECONDS = 30;

    private final Topology topology;
    private final ClusterDatabase primary;
    private final ClusterDatabase backup;
    private final HaproxyAdmin haproxy;
    private final PrintStream out;

    MasterFailback(Topology topology, ClusterDatabase primary, ClusterDatabase backup, HaproxyAdmin haproxy, PrintStream out) {
        this.topology = topology;
        this.primary = primary;
        this.backup = backup;
        this.haproxy = haproxy;
        this.out = out;
    }

    void run() {
        try {
            Optional<String> active = haproxy.activeMaster();
            if (active.isPresent() && active.get().equals(primary.name())) {
                out.println("Writes already go to " + primary.name() + "; nothing to fail back.");
                return;
            }
            requirePrimaryUp();
            ClusterDatabase.ReplicationState state = primary.replicationState();
            if (!state.healthy()) {
                throw refused(primary.name() + " does not replicate from " + backup.name() + " (" + describe(state)
                        + "). Repair its replication first (docs/operations.md, 'Failback').");
            }
            String position = backupWritesPosition();
            if (position.isEmpty()) {
                out.println("1. " + backup.name() + " has written nothing of its own; " + primary.name() + " lacks nothing.");
            } else {
                out.println("1. " + backup.name() + " has written up to GTID " + position + "; waiting up to " + CATCH_UP_SECONDS
                        + " s for " + primary.name() + " to apply it ...");
                awaitApplied(position);
                out.println("   " + primary.name() + " has caught up.");
            }
            out.println("2. haproxy: clear table " + HaproxyAdmin.DB_MASTER + " (new connections go to " + primary.name() + ")");
            haproxy.clearMasterTable();
            out.println("3. haproxy: shutdown sessions of " + HaproxyAdmin.DB_MASTER + "/" + backup.name()
                    + " (the nodes' pools reconnect to " + primary.name() + ")");
            haproxy.shutdownSessions(backup.name());
            long serverId = awaitWritesOnPrimary();
            out.println("Failback done: writes go to " + primary.name() + " (server_id " + serverId + "). The nodes clear their "
                    + "DB_MASTER_FAILED_OVER alarm within seconds.");
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "haproxy's admin socket does not answer: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw refused("cannot check replication: " + e.getMessage());
        }
    }

    /**
     * The primary must be up in haproxy's view. An operator may have kept it in maintenance after a
     * load-balancer restart (docs/operations.md); asking for the failback is the moment to end that.
     */
    private void requirePrimaryUp() throws IOException {
        if (primaryStatus().startsWith("MAINT")) {
            out.println("0. haproxy: enable server " + HaproxyAdmin.DB_MASTER + "/" + primary.name() + " (it was in maintenance)");
            haproxy.enableServer(primary.name());
            Instant deadline = Instant.now().plusSeconds(10);
            while (!primaryStatus().startsWith("UP") && Instant.now().isBefore(deadline)) {
                MariaDbServer.sleep(Duration.ofMillis(250));
            }
        }
        if (!primaryStatus().startsWith("UP")) {
            throw refused(primary.name() + " is not up in haproxy's view (" + primaryStatus() + "); start it and let it catch up first.");
        }
    }

    private String primaryStatus() throws IOException {
        return haproxy.servers(HaproxyAdmin.DB_MASTER).stream().filter(server -> server.name().equals(primary.name()))
                .map(HaproxyAdmin.Server::status).findFirst().orElse("unknown");
    }

    /**
     * The backup's binlog position without the primary's own GTID domain: those transactions came
     * from the primary itself, which skips them when they return, so it never counts them as applied.
     */
    private String backupWritesPosition() throws SQLException {
        long primaryDomain = Long.parseLong(primary.queryAsAdmin("SELECT @@gtid_domain_id"));
        return GtidPosition.parse(backup.queryAsAdmin("SELECT @@gtid_binlog_pos")).without(primaryDomain).toString();
    }

    private void awaitApplied(String position) throws SQLException {
        if (!primary.appliedWithin(position, Duration.ofSeconds(CATCH_UP_SECONDS))) {
            throw refused(primary.name() + " has not applied " + backup.name() + "'s writes up to " + position
                    + " within " + CATCH_UP_SECONDS + " s; writes stay on " + backup.name() + ". Try again later.");
        }
    }

    private long awaitWritesOnPrimary() {
        Database expected = topology.primaryMaster();
        Instant deadline = Instant.now().plusSeconds(10);
        String url = ClusterDatabase.url(primary.tlsDir(), topology.virtualIp(), topology.frontends().dbMaster(), "");
        while (true) {
            try (Connection connection = java.sql.DriverManager.getConnection(url, ClusterDatabase.ADMIN, primary.adminPassword());
                 Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT @@server_id")) {
                row.next();
                if (row.getLong(1) == expected.serverId()) {
                    return row.getLong(1);
                }
            } catch (SQLException e) {
                // haproxy may still be switching; try again.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "haproxy's table was cleared, but new connections do not reach "
                        + expected.name() + " within 10 s; see ./verbund status");
            }
            MariaDbServer.sleep(Duration.ofMillis(200));
        }
    }

    private static String describe(ClusterDatabase.ReplicationState state) {
        if (!state.configured()) {
            return "no replication configured";
        }
        return "IO " + (state.ioRunning() ? "running" : "stopped") + ", SQL " + (state.sqlRunning() ? "running" : "stopped")
                + (state.error().isBlank() ? "" : ": " + state.error());
    }

    private static LaunchFailure refused(String why) {
        return new LaunchFailure(ExitCode.FAILED, "Failback refused, nothing changed: " + why);
    }
}
