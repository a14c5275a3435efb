package io.verbund.acd.stats.realtime;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.runtime.agent.UnknownAgent;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.statistics.AgentStateTime;
import io.verbund.acd.statistics.SliceFigures;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.slice.Utc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads real time on the connection it is given (the real-time replica): a day's figures are the
 * sum of its slices ({@code stats_call_slice}, per group), the last 15 and 60 minutes the sum of the
 * visits queued in them ({@code stats_visit.queued_at}), an agent's day its answered visits and
 * its agent slices. Summing is {@code SUM}, and {@code MAX} for the longest wait, exactly
 * {@link SliceFigures#plus}, so real time and a report of the same day agree.
 */
final class TodaySums {

    private static final String SUMS = "SUM(offered), SUM(answered), SUM(answered_within_target), SUM(abandoned), SUM(short_abandoned),"
            + " SUM(abandoned_within_target), SUM(short_abandoned_within_target), SUM(voicemails), SUM(callbacks), SUM(left_queue),"
            + " SUM(handled), SUM(transfers), SUM(answered_wait_ms), MAX(longest_wait_ms), SUM(talk_ms), SUM(wrap_up_ms)";

    private TodaySums() {
    }

    /** Every group the scope covers, by name, each with its figures (none: {@link SliceFigures#NONE}). */
    static List<GroupNow> groups(Connection db, ReportScope scope, LiveWindows windows) throws SQLException {
        String onlyGroups = scope.groups().map(groups -> groups.isEmpty() ? " AND FALSE" : " AND %s IN (" + ids(groups) + ")").orElse("");
        Map<Long, SliceFigures> today = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT group_id, " + SUMS + " FROM stats_call_slice WHERE tenant_id = ?"
                + " AND dimension = 'G' AND slice_start >= ?" + onlyGroups.replace("%s", "group_id") + " GROUP BY group_id")) {
            query.setLong(1, scope.tenant().id());
            query.setObject(2, Utc.of(windows.midnight()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    today.put(rows.getLong(1), sums(rows, 2));
                }
            }
        }
        Map<Long, SliceFigures> lastShort = new HashMap<>();
        Map<Long, SliceFigures> lastLong = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT group_id, queued_at >= ?, " + SUMS + " FROM stats_visit"
                + " WHERE tenant_id = ? AND slice_start >= ? AND queued_at >= ?" + onlyGroups.replace("%s", "group_id")
                + " GROUP BY group_id, queued_at >= ?")) {
            query.setObject(1, Utc.of(windows.lastShort()));
            query.setLong(2, scope.tenant().id());
            query.setObject(3, Utc.of(windows.firstRecentSlice()));
            query.setObject(4, Utc.of(windows.lastLong()));
            query.setObject(5, Utc.of(windows.lastShort()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    SliceFigures sums = sums(rows, 3);
                    lastLong.merge(rows.getLong(1), sums, SliceFigures::plus);
                    if (rows.getBoolean(2)) {
                        lastShort.merge(rows.getLong(1), sums, SliceFigures::plus);
                    }
                }
            }
        }
        List<GroupNow> groups = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id, name, service_level_seconds, service_level_target_percent FROM acd_group"
                + " WHERE tenant_id = ?" + onlyGroups.replace("%s", "id") + " ORDER BY name, id")) {
            query.setLong(1, scope.tenant().id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    groups.add(new GroupNow(id, rows.getString(2), rows.getInt(3), rows.getInt(4), today.getOrDefault(id, SliceFigures.NONE),
                            lastShort.getOrDefault(id, SliceFigures.NONE), lastLong.getOrDefault(id, SliceFigures.NONE)));
                }
            }
        }
        return groups;
    }

    /**
     * The day of the agent with this extension.
     *
     * @throws UnknownAgent  when the tenant has no such agent
     * @throws NotPermitted  when the scope is limited to groups the agent is in none of
     */
    static AgentNow agent(Connection db, ReportScope scope, String extension, LiveWindows windows) throws SQLException {
        long tenant = scope.tenant().id();
        long agentId;
        String name;
        try (PreparedStatement query = db.prepareStatement("SELECT id, display_name FROM agent WHERE tenant_id = ? AND extension = ?")) {
            query.setLong(1, tenant);
            query.setString(2, extension);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownAgent(scope.tenant().key(), extension);
                }
                agentId = row.getLong(1);
                name = row.getString(2);
            }
        }
        if (scope.groups().isPresent()) {
            requireMember(db, scope, agentId, extension);
        }
        SliceFigures calls = SliceFigures.NONE;
        Duration longestTalk = Duration.ZERO;
        try (PreparedStatement query = db.prepareStatement("SELECT " + SUMS + ", MAX(talk_ms) FROM stats_visit"
                + " WHERE tenant_id = ? AND slice_start >= ? AND agent_key = ?")) {
            query.setLong(1, tenant);
            query.setObject(2, Utc.of(windows.midnight()));
            query.setString(3, Long.toString(agentId));
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    calls = sums(row, 1);
                    longestTalk = Duration.ofMillis(row.getLong(17));
                }
            }
        }
        Map<AgentState, Duration> states = new EnumMap<>(AgentState.class);
        try (PreparedStatement query = db.prepareStatement("SELECT SUM(ready_ms), SUM(reserved_ms), SUM(ringing_ms), SUM(on_call_ms),"
                + " SUM(wrap_up_ms), SUM(paused_ms) FROM stats_agent_slice WHERE tenant_id = ? AND agent_id = ? AND slice_start >= ?")) {
            query.setLong(1, tenant);
            query.setLong(2, agentId);
            query.setObject(3, Utc.of(windows.midnight()));
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    AgentState[] order = {AgentState.READY, AgentState.RESERVED, AgentState.RINGING, AgentState.ON_CALL, AgentState.WRAP_UP,
                        AgentState.PAUSED};
                    for (int i = 0; i < order.length; i++) {
                        states.put(order[i], Duration.ofMillis(row.getLong(i + 1)));
                    }
                }
            }
        }
        return new AgentNow(agentId, extension, name, calls, longestTalk, new AgentStateTime(states, Map.of()));
    }

    private static void requireMember(Connection db, ReportScope scope, long agentId, String extension) throws SQLException {
        Set<Long> groups = scope.groups().orElseThrow();
        if (!groups.isEmpty()) {
            try (PreparedStatement query = db.prepareStatement("SELECT 1 FROM group_membership WHERE tenant_id = ? AND agent_id = ?"
                    + " AND group_id IN (" + ids(groups) + ") LIMIT 1")) {
                query.setLong(1, scope.tenant().id());
                query.setLong(2, agentId);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
        }
        throw new NotPermitted("Agent " + extension + " is in none of the groups you supervise", scope.tenant().key());
    }

    /** Sixteen sums from {@code first} on, in the order of {@link #SUMS}; NULL sums (no rows) are zero. */
    private static SliceFigures sums(ResultSet row, int first) throws SQLException {
        int c = first;
        return new SliceFigures(row.getInt(c), row.getInt(c + 1), row.getInt(c + 2), row.getInt(c + 3), row.getInt(c + 4), row.getInt(c + 5),
                row.getInt(c + 6), row.getInt(c + 7), row.getInt(c + 8), row.getInt(c + 9), row.getInt(c + 10), row.getInt(c + 11),
                Duration.ofMillis(row.getLong(c + 12)), Duration.ofMillis(row.getLong(c + 13)), Duration.ofMillis(row.getLong(c + 14)),
                Duration.ofMillis(row.getLong(c + 15)));
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
