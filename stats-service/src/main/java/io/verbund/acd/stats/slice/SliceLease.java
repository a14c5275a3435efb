package io.verbund.acd.stats.slice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The slice worker's lease in {@code stats_worker_lease}: the node that holds it keeps the slices,
 * renewing it every pass; another node takes it over once it has run out (the holder died or lost
 * the database). The database's clock decides, so the nodes' clocks do not matter.
 */
final class SliceLease {

    static final String NAME = "slices";
    static final Duration LENGTH = Duration.ofSeconds(15);

    /** Up to where the raw events have been read. */
    record Watermarks(Instant calls, Instant agents) {
    }

    private SliceLease() {
    }

    /** Takes or renews the lease for {@code node}; false while another node holds it. */
    static boolean hold(Connection master, String node) throws SQLException {
        try (PreparedStatement take = master.prepareStatement("UPDATE stats_worker_lease SET holder = ?,"
                + " lease_until = NOW(3) + INTERVAL " + LENGTH.toSeconds() + " SECOND, passes = passes + 1"
                + " WHERE name = ? AND (holder = ? OR holder IS NULL OR lease_until < NOW(3))")) {
            take.setString(1, node);
            take.setString(2, NAME);
            take.setString(3, node);
            return take.executeUpdate() == 1;
        }
    }

    static Watermarks watermarks(Connection master) throws SQLException {
        try (PreparedStatement query = master.prepareStatement("SELECT call_watermark, agent_watermark FROM stats_worker_lease WHERE name = ?")) {
            query.setString(1, NAME);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("stats_worker_lease has no row '" + NAME + "': the schema is not the one V17 made");
                }
                return new Watermarks(Utc.read(row, 1), Utc.read(row, 2));
            }
        }
    }

    /** Moves the watermarks on, if {@code node} still holds the lease; false when it lost it meanwhile. */
    static boolean advance(Connection master, String node, Watermarks to) throws SQLException {
        try (PreparedStatement update = master.prepareStatement("UPDATE stats_worker_lease SET call_watermark = ?, agent_watermark = ?"
                + " WHERE name = ? AND holder = ?")) {
            update.setObject(1, Utc.of(to.calls()));
            update.setObject(2, Utc.of(to.agents()));
            update.setString(3, NAME);
            update.setString(4, node);
            return update.executeUpdate() == 1;
        }
    }

    /** Gives the lease up at shutdown, so a survivor need not wait for it to run out. */
    static void release(Connection master, String node) throws SQLException {
        try (PreparedStatement update = master.prepareStatement("UPDATE stats_worker_lease SET holder = NULL WHERE name = ? AND holder = ?")) {
            update.setString(1, NAME);
            update.setString(2, node);
            update.executeUpdate();
        }
    }
}
