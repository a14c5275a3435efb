package io.verbund.acd.runtime.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps a journal's writes from overtaking replication when the writes move to the other master.
 *
 * <p>Semi-synchronous replication makes master2 <em>receive</em> every commit master1 acknowledged,
 * not <em>apply</em> it. A batch in flight when master1 dies is retried on master2 about 2 s later;
 * if master2 has not applied master1's copy by then, the retry is written as master2's own and the
 * copy then meets a duplicate key, which stops replication (seen in the cluster's failover test). So
 * before the first write to a server this journal has not written to, it waits until that server
 * applied everything its replication received ({@code MASTER_GTID_WAIT} on the IO thread's
 * position, without the server's own GTID domain), as {@code ./verbund failback} does the other way.
 *
 * <p>One extra query per batch ({@code @@server_id}) tells a new server from the last one. Reading
 * the replication's position needs the {@code SLAVE MONITOR} privilege; without it, or with the
 * server's replication stopped on an error, waiting cannot help, so the writes go on and the log says why.
 */
final class MasterCatchUp {

    private static final Logger LOG = Logger.getLogger(MasterCatchUp.class.getName());
    /** One attempt's wait; the drain retries (backing off) while the server still catches up. */
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final int ACCESS_DENIED = 1227;

    private final String journal;
    private final Clock clock;
    private long caughtUpServerId = -1;

    MasterCatchUp(String journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Returns once {@code connection}'s server has applied what it received, or it is the server of the last write. */
    synchronized void await(Connection connection) throws JournalSink.SinkUnavailable {
        try (Statement statement = connection.createStatement()) {
            long serverId;
            String ownDomain;
            try (ResultSet server = statement.executeQuery("SELECT @@server_id, @@gtid_domain_id")) {
                server.next();
                serverId = server.getLong(1);
                ownDomain = server.getString(2);
            }
            if (serverId == caughtUpServerId) {
                return;
            }
            Optional<String> received = received(statement, serverId, ownDomain);
            Instant started = clock.instant();
            if (received.isPresent()) {
                awaitApplied(connection, serverId, received.get());
            }
            if (caughtUpServerId != -1) {
                LOG.info("journal=" + journal + " event=master-changed serverId=" + serverId + " previousServerId=" + caughtUpServerId
                        + " appliedUpTo=" + received.orElse("-") + " waitedMillis=" + Duration.between(started, clock.instant()).toMillis()
                        + " message=\"writes go to server_id " + serverId + " once it applied what it received from its master\"");
            }
            caughtUpServerId = serverId;
        } catch (SQLException e) {
            throw new JournalSink.SinkUnavailable("the master's replication position is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * What the server's replication received from its master and has to apply, if waiting for it can
     * help: empty without replication, without the privilege to read it, or with replication stopped.
     */
    private Optional<String> received(Statement statement, long serverId, String ownDomain) throws SQLException {
        try (ResultSet status = statement.executeQuery("SHOW SLAVE STATUS")) {
            if (!status.next()) {
                return Optional.empty();
            }
            if (!"Yes".equalsIgnoreCase(status.getString("Slave_SQL_Running"))) {
                LOG.severe("journal=" + journal + " event=master-replication-stopped serverId=" + serverId + " lastSqlError=\""
                        + status.getString("Last_SQL_Error") + "\" message=\"writing without waiting for the server's replication:"
                        + " it does not apply what it received\"");
                return Optional.empty();
            }
            String position = withoutDomain(status.getString("Gtid_IO_Pos"), ownDomain);
            return position.isEmpty() ? Optional.empty() : Optional.of(position);
        } catch (SQLException e) {
            if (e.getErrorCode() != ACCESS_DENIED) {
                throw e;
            }
            LOG.warning("journal=" + journal + " event=master-replication-unreadable serverId=" + serverId
                    + " message=\"writing without waiting for the server's replication: the user lacks SLAVE MONITOR ("
                    + e.getMessage() + ")\"");
            return Optional.empty();
        }
    }

    private void awaitApplied(Connection connection, long serverId, String position) throws SQLException, JournalSink.SinkUnavailable {
        try (PreparedStatement wait = connection.prepareStatement("SELECT MASTER_GTID_WAIT(?, ?)")) {
            wait.setString(1, position);
            wait.setLong(2, WAIT.toSeconds());
            try (ResultSet applied = wait.executeQuery()) {
                applied.next();
                int outcome = applied.getInt(1);
                if (applied.wasNull() || outcome != 0) {
                    throw new JournalSink.SinkUnavailable("server_id " + serverId + " has not applied what its replication received (up to "
                            + position + ") within " + WAIT.toSeconds() + " s", null);
                }
            }
        }
    }

    /**
     * A GTID position without {@code domain}'s part: the server's own transactions come back to it
     * from the other master and are skipped, so they never count as applied there.
     */
    static String withoutDomain(String position, String domain) {
        if (position == null) {
            return "";
        }
        return Arrays.stream(position.split(",")).map(String::strip)
                .filter(gtid -> !gtid.isEmpty() && !gtid.startsWith(domain + "-"))
                .collect(Collectors.joining(","));
    }
}
