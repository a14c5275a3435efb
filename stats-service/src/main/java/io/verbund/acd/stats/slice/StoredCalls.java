package io.verbund.acd.stats.slice;

import io.verbund.acd.statistics.CallMoment;
import io.verbund.acd.statistics.SlicedCall;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls as the statistics read them from the raw events: their queue-relevant call events in order,
 * the number and disposition from the call record, and each answering agent's wrap-up from the
 * agent events (from the call's WRAP_UP to the agent's next state that is not WRAP_UP, so an
 * extension does not cut it; until now while it lasts).
 */
final class StoredCalls {

    /** A call and the tenant it belongs to. */
    record StoredCall(long tenantId, SlicedCall call) {
    }

    private static final String EVENTS = "SELECT e.call_id, e.tenant_id, e.type, e.occurred_at, e.group_id, e.agent_id,"
            + " JSON_VALUE(e.detail, '$.outcome') FROM call_event e WHERE e.call_id IN (%s)"
            + " AND e.type IN ('CallQueued', 'CallAnswered', 'Transferred', 'CallAbandoned', 'LeftQueue', 'VoicemailStarted',"
            + " 'CallbackRequested', 'CallEnded')"
            + " ORDER BY e.call_id, e.seq";
    private static final String RECORDS = "SELECT call_id, service_number, disposition FROM call_record WHERE call_id IN (%s)";
    /**
     * The wrap-up's end is the agent's next state by {@code seq}, read along (agent_id, seq) up to the
     * first that is not WRAP_UP: a MIN over all later events read the agent's whole history after the
     * call, which made a recalculation of an old month slow in proportion to what followed it.
     */
    private static final String WRAP_UPS = "SELECT e.call_id, e.agent_id, e.occurred_at,"
            + " (SELECT n.occurred_at FROM agent_event n WHERE n.agent_id = e.agent_id AND n.seq > e.seq AND n.state <> 'WRAP_UP'"
            + " ORDER BY n.seq LIMIT 1)"
            + " FROM agent_event e WHERE e.call_id IN (%s) AND e.state = 'WRAP_UP' AND (e.cause IS NULL OR e.cause <> 'WRAP_UP_EXTENDED')";

    private StoredCalls() {
    }

    /** The calls named that have events; {@code now} ends wrap-ups still going on. */
    static List<StoredCall> load(Connection db, Collection<String> callIds, Instant now) throws SQLException {
        if (callIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(callIds);
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Map<String, Long> tenants = new LinkedHashMap<>();
        Map<String, List<CallMoment>> moments = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(String.format(EVENTS, in))) {
            bind(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String callId = rows.getString(1);
                    tenants.putIfAbsent(callId, rows.getLong(2));
                    long group = rows.getLong(5);
                    Optional<Long> groupId = rows.wasNull() ? Optional.empty() : Optional.of(group);
                    long agent = rows.getLong(6);
                    Optional<String> agentId = rows.wasNull() ? Optional.empty() : Optional.of(Long.toString(agent));
                    moments.computeIfAbsent(callId, id -> new ArrayList<>()).add(new CallMoment(rows.getString(3), Utc.read(rows, 4),
                            groupId, agentId, Optional.ofNullable(rows.getString(7))));
                }
            }
        }
        Map<String, String[]> records = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(String.format(RECORDS, in))) {
            bind(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        Map<String, Map<String, Duration>> wrapUps = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(String.format(WRAP_UPS, in))) {
            bind(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant from = Utc.read(rows, 3);
                    Instant until = Optional.ofNullable(Utc.read(rows, 4)).orElse(now);
                    Duration wrapUp = until.isAfter(from) ? Duration.between(from, until) : Duration.ZERO;
                    wrapUps.computeIfAbsent(rows.getString(1), id -> new HashMap<>()).merge(Long.toString(rows.getLong(2)), wrapUp, Duration::plus);
                }
            }
        }
        List<StoredCall> calls = new ArrayList<>();
        tenants.forEach((callId, tenant) -> {
            String[] record = records.getOrDefault(callId, new String[2]);
            calls.add(new StoredCall(tenant, new SlicedCall(callId, record[0], Optional.ofNullable(record[1]), moments.get(callId),
                    wrapUps.getOrDefault(callId, Map.of()))));
        });
        return calls;
    }

    static void bind(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }
}
