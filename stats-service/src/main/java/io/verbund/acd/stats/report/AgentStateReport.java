package io.verbund.acd.stats.report;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.statistics.AgentStateTime;
import io.verbund.acd.statistics.SliceDimension;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.slice.Utc;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agent state time by period and agent from the agent slices on the reporting replica. Limited to
 * some groups, it covers the agents who are members of them.
 */
final class AgentStateReport {

    /** Once: every Json.createReader() looks the provider up again through the service loader, and a month has ~200 000 slices. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    record Row(OffsetDateTime periodStart, String key, String name, AgentStateFigures figures) {
    }

    record Result(List<Row> rows, AgentStateFigures totals) {
    }

    private AgentStateReport() {
    }

    static Result run(Connection reporting, ReportScope scope, ReportRequest request) throws SQLException {
        ZoneId zone = scope.tenant().zone();
        StringBuilder sql = new StringBuilder("SELECT slice_start, agent_id, ready_ms, reserved_ms, ringing_ms, on_call_ms, wrap_up_ms,"
                + " paused_ms, paused_by_reason FROM stats_agent_slice WHERE tenant_id = ? AND slice_start >= ? AND slice_start < ?");
        scope.groups().ifPresent(groups -> sql.append(groups.isEmpty() ? " AND FALSE"
                : " AND agent_id IN (SELECT agent_id FROM group_membership WHERE group_id IN (" + CallReport.ids(groups) + "))"));
        Map<OffsetDateTime, Map<String, AgentStateTime>> periods = new TreeMap<>();
        AgentStateTime total = AgentStateTime.NONE;
        try (PreparedStatement query = reporting.prepareStatement(sql.toString())) {
            query.setLong(1, scope.tenant().id());
            query.setObject(2, Utc.of(request.start(zone)));
            query.setObject(3, Utc.of(request.end(zone)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<AgentState, Duration> states = new EnumMap<>(AgentState.class);
                    states.put(AgentState.READY, Duration.ofMillis(rows.getLong(3)));
                    states.put(AgentState.RESERVED, Duration.ofMillis(rows.getLong(4)));
                    states.put(AgentState.RINGING, Duration.ofMillis(rows.getLong(5)));
                    states.put(AgentState.ON_CALL, Duration.ofMillis(rows.getLong(6)));
                    states.put(AgentState.WRAP_UP, Duration.ofMillis(rows.getLong(7)));
                    states.put(AgentState.PAUSED, Duration.ofMillis(rows.getLong(8)));
                    AgentStateTime time = new AgentStateTime(states, reasons(rows.getString(9)));
                    OffsetDateTime period = request.period().startOf(Utc.read(rows, 1), zone).toOffsetDateTime();
                    periods.computeIfAbsent(period, p -> new HashMap<>()).merge(Long.toString(rows.getLong(2)), time, AgentStateTime::plus);
                    total = total.plus(time);
                }
            }
        }
        Map<String, String> names = Names.of(reporting, scope.tenant().id(), SliceDimension.AGENT);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<OffsetDateTime, Map<String, AgentStateTime>> period : periods.entrySet()) {
            List<Row> ofPeriod = new ArrayList<>();
            period.getValue().forEach((agent, time) -> ofPeriod.add(new Row(period.getKey(), Names.shownKey(SliceDimension.AGENT, agent, names),
                    Names.name(SliceDimension.AGENT, agent, names), AgentStateFigures.of(time))));
            ofPeriod.sort(Comparator.comparing(Row::key));
            rows.addAll(ofPeriod);
        }
        return new Result(rows, AgentStateFigures.of(total));
    }

    private static Map<String, Duration> reasons(String json) {
        Map<String, Duration> reasons = new HashMap<>();
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            for (Map.Entry<String, JsonValue> reason : object.entrySet()) {
                reasons.put(reason.getKey(), Duration.ofMillis(object.getJsonNumber(reason.getKey()).longValue()));
            }
        }
        return reasons;
    }
}
