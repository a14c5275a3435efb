package io.verbund.acd.stats.slice;

import io.verbund.acd.statistics.GroupTargets;
import io.verbund.acd.statistics.QueueVisit;
import io.verbund.acd.statistics.SliceFigures;
import io.verbund.acd.statistics.Slices;
import io.verbund.acd.stats.slice.StoredCalls.StoredCall;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code stats_visit} and {@code stats_call_slice} on the master: a changed call has its
 * visits computed again from its events and replaced, and every slice it touched (before or now)
 * is summed again from its visits. The slice worker and a recalculation both go through here, so
 * an incremental slice and a recomputed one are the same sum of the same visits.
 */
public final class CallSlices {

    /** Each group's service-level and short-abandon time; a deleted group counts with the defaults. */
    static final GroupTargets DEFAULT_TARGETS = GroupTargets.ofSeconds(20, 0);

    private static final String VISIT_COLUMNS = "offered, answered, answered_within_target, abandoned, short_abandoned,"
            + " abandoned_within_target, short_abandoned_within_target, voicemails, callbacks, left_queue, handled, transfers,"
            + " answered_wait_ms, longest_wait_ms, talk_ms, wrap_up_ms";
    private static final String SUMS = "SUM(offered), SUM(answered), SUM(answered_within_target), SUM(abandoned), SUM(short_abandoned),"
            + " SUM(abandoned_within_target), SUM(short_abandoned_within_target), SUM(voicemails), SUM(callbacks), SUM(left_queue),"
            + " SUM(handled), SUM(transfers), SUM(answered_wait_ms), MAX(longest_wait_ms), SUM(talk_ms), SUM(wrap_up_ms)";
    private static final String INSERT_VISIT = "INSERT INTO stats_visit (call_id, visit_no, tenant_id, slice_start, queued_at, group_id,"
            + " agent_key, service_number, disposition, " + VISIT_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SUM_INTO_SLICE = "INSERT INTO stats_call_slice (tenant_id, slice_start, group_id, dimension, dim_key, "
            + VISIT_COLUMNS + ", computed_at) SELECT tenant_id, slice_start, group_id, '%s', %s, " + SUMS + ", NOW(3)"
            + " FROM stats_visit WHERE tenant_id = ? AND slice_start = ?%s GROUP BY tenant_id, slice_start, group_id%s";

    private CallSlices() {
    }

    /** Every group's targets, by id. */
    public static Map<Long, GroupTargets> targets(Connection db) throws SQLException {
        Map<Long, GroupTargets> targets = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id, service_level_seconds, short_abandon_seconds FROM acd_group");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                targets.put(rows.getLong(1), GroupTargets.ofSeconds(rows.getInt(2), rows.getInt(3)));
            }
        }
        return targets;
    }

    /**
     * Replaces the visits of {@code callIds} (those without events lose theirs) with those of
     * {@code calls}, in the master's current transaction.
     *
     * @return the slices whose sums are now out of date
     */
    static Set<TenantSlice> replaceVisits(Connection master, Collection<String> callIds, List<StoredCall> calls, Map<Long, GroupTargets> targets,
                                          Instant now) throws SQLException {
        Set<TenantSlice> touched = new LinkedHashSet<>();
        if (callIds.isEmpty()) {
            return touched;
        }
        List<String> ids = new ArrayList<>(callIds);
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement query = master.prepareStatement("SELECT DISTINCT tenant_id, slice_start FROM stats_visit WHERE call_id IN (" + in + ")")) {
            StoredCalls.bind(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    touched.add(new TenantSlice(rows.getLong(1), Utc.read(rows, 2)));
                }
            }
        }
        try (PreparedStatement delete = master.prepareStatement("DELETE FROM stats_visit WHERE call_id IN (" + in + ")")) {
            StoredCalls.bind(delete, ids);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = master.prepareStatement(INSERT_VISIT)) {
            for (StoredCall stored : calls) {
                int number = 0;
                for (QueueVisit visit : stored.call().visits()) {
                    SliceFigures share = SliceFigures.of(visit, targets.getOrDefault(visit.groupId(), DEFAULT_TARGETS), now);
                    Instant slice = Slices.startOf(visit.queuedAt());
                    touched.add(new TenantSlice(stored.tenantId(), slice));
                    int c = 1;
                    insert.setString(c++, stored.call().callId());
                    insert.setInt(c++, ++number);
                    insert.setLong(c++, stored.tenantId());
                    insert.setObject(c++, Utc.of(slice));
                    insert.setObject(c++, Utc.of(visit.queuedAt()));
                    insert.setLong(c++, visit.groupId());
                    insert.setString(c++, visit.agent().orElse(null));
                    insert.setString(c++, truncated(stored.call().serviceNumber()));
                    insert.setString(c++, truncated(stored.call().disposition().orElse("")));
                    insert.setInt(c++, share.offered());
                    insert.setInt(c++, share.answered());
                    insert.setInt(c++, share.answeredWithinTarget());
                    insert.setInt(c++, share.abandoned());
                    insert.setInt(c++, share.shortAbandoned());
                    insert.setInt(c++, share.abandonedWithinTarget());
                    insert.setInt(c++, share.shortAbandonedWithinTarget());
                    insert.setInt(c++, share.voicemails());
                    insert.setInt(c++, share.callbacks());
                    insert.setInt(c++, share.left());
                    insert.setInt(c++, share.handled());
                    insert.setInt(c++, share.transfers());
                    insert.setLong(c++, millis(share.answeredWait()));
                    insert.setLong(c++, millis(share.longestWait()));
                    insert.setLong(c++, millis(share.talk()));
                    insert.setLong(c, millis(share.wrapUp()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        return touched;
    }

    /** At most this many calls are read and written in one transaction. */
    static final int CHUNK = 500;

    /**
     * Computes the visits of the calls named again from {@code source} and sums every slice they
     * touch on the master, a chunk of calls per transaction.
     *
     * @return the slices summed again
     */
    public static Set<TenantSlice> refresh(Connection source, Connection master, Collection<String> callIds, Map<Long, GroupTargets> targets,
                                    Instant now) throws SQLException {
        Set<TenantSlice> touched = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(callIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<StoredCall> calls = StoredCalls.load(source, chunk, now);
            inTransaction(master, () -> touched.addAll(replaceVisits(master, chunk, calls, targets, now)));
        }
        for (TenantSlice slice : touched) {
            inTransaction(master, () -> sum(master, slice));
        }
        return touched;
    }

    public interface Work {
        void run() throws SQLException;
    }

    public static void inTransaction(Connection db, Work work) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    /** Sums the slice again from its visits, per group and per agent, number and disposition within it. */
    public static void sum(Connection master, TenantSlice slice) throws SQLException {
        try (PreparedStatement delete = master.prepareStatement("DELETE FROM stats_call_slice WHERE tenant_id = ? AND slice_start = ?")) {
            delete.setLong(1, slice.tenantId());
            delete.setObject(2, Utc.of(slice.start()));
            delete.executeUpdate();
        }
        sumBy(master, slice, "G", "''", "", "");
        sumBy(master, slice, "A", "agent_key", " AND agent_key IS NOT NULL", ", agent_key");
        sumBy(master, slice, "N", "service_number", "", ", service_number");
        sumBy(master, slice, "D", "disposition", "", ", disposition");
    }

    private static void sumBy(Connection master, TenantSlice slice, String dimension, String key, String where, String groupBy) throws SQLException {
        try (PreparedStatement insert = master.prepareStatement(String.format(SUM_INTO_SLICE, dimension, key, where, groupBy))) {
            insert.setLong(1, slice.tenantId());
            insert.setObject(2, Utc.of(slice.start()));
            insert.executeUpdate();
        }
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    /** Keys are at most 64 characters; a longer number or code would only be a damaged one. */
    private static String truncated(String key) {
        return key.length() <= 64 ? key : key.substring(0, 64);
    }
}
