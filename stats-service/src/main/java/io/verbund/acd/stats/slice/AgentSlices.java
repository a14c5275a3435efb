package io.verbund.acd.stats.slice;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.statistics.AgentStateTime;
import io.verbund.acd.statistics.AgentStateTime.Change;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps {@code stats_agent_slice}: an agent's time per state and slice, from its state changes
 * (the state it was in when the period began included), replaced whole for the period computed.
 */
public final class AgentSlices {

    private static final Logger LOG = Logger.getLogger(AgentSlices.class.getName());
    /** Once: every Json.createObjectBuilder() looks the provider up again through the service loader. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private AgentSlices() {
    }

    /**
     * Computes the agent's slices from {@code from} (a slice start) up to {@code until} (now, or the
     * end of a recalculated period) from {@code source} and replaces them on the master.
     */
    public static void recompute(Connection source, Connection master, long tenantId, long agentId, Instant from, Instant until) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement before = source.prepareStatement("SELECT state, reason FROM agent_event WHERE tenant_id = ? AND agent_id = ?"
                + " AND occurred_at < ? ORDER BY occurred_at DESC, seq DESC LIMIT 1")) {
            before.setLong(1, tenantId);
            before.setLong(2, agentId);
            before.setObject(3, Utc.of(from));
            try (ResultSet row = before.executeQuery()) {
                if (row.next()) {
                    Optional<String> reason = reason(row, 2);
                    state(row.getString(1)).ifPresent(state -> changes.add(new Change(from, state, reason)));
                }
            }
        }
        try (PreparedStatement during = source.prepareStatement("SELECT occurred_at, state, reason FROM agent_event WHERE tenant_id = ?"
                + " AND agent_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, seq")) {
            during.setLong(1, tenantId);
            during.setLong(2, agentId);
            during.setObject(3, Utc.of(from));
            during.setObject(4, Utc.of(until));
            try (ResultSet rows = during.executeQuery()) {
                while (rows.next()) {
                    Instant at = Utc.read(rows, 1);
                    Optional<String> reason = reason(rows, 3);
                    state(rows.getString(2)).ifPresent(state -> changes.add(new Change(at, state, reason)));
                }
            }
        }
        Map<Instant, AgentStateTime> slices = AgentStateTime.bySlice(changes, until);
        try (PreparedStatement delete = master.prepareStatement("DELETE FROM stats_agent_slice WHERE tenant_id = ? AND agent_id = ?"
                + " AND slice_start >= ? AND slice_start < ?")) {
            delete.setLong(1, tenantId);
            delete.setLong(2, agentId);
            delete.setObject(3, Utc.of(from));
            delete.setObject(4, Utc.of(until));
            delete.executeUpdate();
        }
        try (PreparedStatement insert = master.prepareStatement("INSERT INTO stats_agent_slice (tenant_id, slice_start, agent_id, ready_ms,"
                + " reserved_ms, ringing_ms, on_call_ms, wrap_up_ms, paused_ms, paused_by_reason, computed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))")) {
            for (Map.Entry<Instant, AgentStateTime> slice : slices.entrySet()) {
                AgentStateTime time = slice.getValue();
                insert.setLong(1, tenantId);
                insert.setObject(2, Utc.of(slice.getKey()));
                insert.setLong(3, agentId);
                insert.setLong(4, time.in(AgentState.READY).toMillis());
                insert.setLong(5, time.in(AgentState.RESERVED).toMillis());
                insert.setLong(6, time.in(AgentState.RINGING).toMillis());
                insert.setLong(7, time.in(AgentState.ON_CALL).toMillis());
                insert.setLong(8, time.in(AgentState.WRAP_UP).toMillis());
                insert.setLong(9, time.in(AgentState.PAUSED).toMillis());
                JsonObjectBuilder reasons = JSON.createObjectBuilder();
                for (Map.Entry<String, Duration> paused : time.paused().entrySet()) {
                    reasons.add(paused.getKey(), paused.getValue().toMillis());
                }
                insert.setString(10, reasons.build().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<AgentState> state(String stored) {
        try {
            return Optional.of(AgentState.valueOf(stored));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "agent state " + stored + " in agent_event is not one statistics know; its time is left out");
            return Optional.empty();
        }
    }

    private static Optional<String> reason(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }
}
