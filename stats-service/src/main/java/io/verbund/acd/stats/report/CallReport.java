package io.verbund.acd.stats.report;

import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.statistics.SliceDimension;
import io.verbund.acd.statistics.SliceFigures;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.slice.Utc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Calls by period and by group, agent, service number or disposition, summed from the slices on the
 * reporting replica: the database sums each slice's rows per key, the periods are summed here
 * (slices hold counts and sums, so any period is exact), and the KPIs are read under the report's
 * definition.
 */
final class CallReport {

    /** One row: a period and a key, with its figures. */
    record Row(OffsetDateTime periodStart, String key, String name, CallFigures figures) {
    }

    record Result(List<Row> rows, CallFigures totals) {
    }

    private CallReport() {
    }

    static Result run(Connection reporting, ReportScope scope, ReportRequest request, KpiDefinition definition) throws SQLException {
        ZoneId zone = scope.tenant().zone();
        SliceDimension dimension = request.by().orElse(SliceDimension.GROUP);
        String key = dimension == SliceDimension.GROUP ? "CAST(group_id AS CHAR)" : "dim_key";
        StringBuilder sql = new StringBuilder("SELECT slice_start, ").append(request.by().isPresent() ? key : "''")
                .append(", SUM(offered), SUM(answered), SUM(answered_within_target), SUM(abandoned), SUM(short_abandoned),")
                .append(" SUM(abandoned_within_target), SUM(short_abandoned_within_target), SUM(voicemails), SUM(callbacks), SUM(left_queue),")
                .append(" SUM(handled), SUM(transfers), SUM(answered_wait_ms), MAX(longest_wait_ms), SUM(talk_ms), SUM(wrap_up_ms)")
                .append(" FROM stats_call_slice WHERE tenant_id = ? AND dimension = ? AND slice_start >= ? AND slice_start < ?");
        scope.groups().ifPresent(groups -> sql.append(groups.isEmpty() ? " AND FALSE" : " AND group_id IN (" + ids(groups) + ")"));
        sql.append(" GROUP BY slice_start").append(request.by().isPresent() ? ", " + key : "");
        Map<OffsetDateTime, Map<String, SliceFigures>> periods = new TreeMap<>();
        SliceFigures total = SliceFigures.NONE;
        try (PreparedStatement query = reporting.prepareStatement(sql.toString())) {
            query.setLong(1, scope.tenant().id());
            query.setString(2, String.valueOf(dimension.code()));
            query.setObject(3, Utc.of(request.start(zone)));
            query.setObject(4, Utc.of(request.end(zone)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant slice = Utc.read(rows, 1);
                    SliceFigures sums = new SliceFigures(rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7),
                            rows.getInt(8), rows.getInt(9), rows.getInt(10), rows.getInt(11), rows.getInt(12), rows.getInt(13), rows.getInt(14),
                            Duration.ofMillis(rows.getLong(15)), Duration.ofMillis(rows.getLong(16)), Duration.ofMillis(rows.getLong(17)),
                            Duration.ofMillis(rows.getLong(18)));
                    OffsetDateTime period = request.period().startOf(slice, zone).toOffsetDateTime();
                    periods.computeIfAbsent(period, p -> new HashMap<>()).merge(rows.getString(2), sums, SliceFigures::plus);
                    total = total.plus(sums);
                }
            }
        }
        Map<OffsetDateTime, Map<String, OutboundFigures>> outbound = outbound(reporting, scope, request, dimension);
        OutboundFigures outboundTotal = OutboundFigures.NONE;
        for (Map.Entry<OffsetDateTime, Map<String, OutboundFigures>> period : outbound.entrySet()) {
            for (Map.Entry<String, OutboundFigures> keyed : period.getValue().entrySet()) {
                periods.computeIfAbsent(period.getKey(), p -> new HashMap<>()).putIfAbsent(keyed.getKey(), SliceFigures.NONE);
                outboundTotal = outboundTotal.plus(keyed.getValue());
            }
        }
        Map<String, String> names = request.by().isPresent() ? Names.of(reporting, scope.tenant().id(), dimension) : Map.of();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<OffsetDateTime, Map<String, SliceFigures>> period : periods.entrySet()) {
            List<Row> ofPeriod = new ArrayList<>();
            for (Map.Entry<String, SliceFigures> keyed : period.getValue().entrySet()) {
                String rowKey = keyed.getKey();
                String name = request.by().isEmpty() ? "" : Names.name(dimension, rowKey, names);
                OutboundFigures placed = outbound.getOrDefault(period.getKey(), Map.of()).getOrDefault(rowKey, OutboundFigures.NONE);
                ofPeriod.add(new Row(period.getKey(), Names.shownKey(dimension, rowKey, names), name,
                        CallFigures.of(keyed.getValue(), placed, definition)));
            }
            ofPeriod.sort(Comparator.comparing(Row::name).thenComparing(Row::key));
            rows.addAll(ofPeriod);
        }
        return new Result(rows, CallFigures.of(total, outboundTotal, definition));
    }

    /**
     * The agents' outbound calls of the report's days, by period and by the report's key, from the
     * call records (they leave no queue visit, so no slice): a group's and an agent's as for an
     * inbound call, a service number's being the caller ID it presented, a disposition's the code
     * the agent gave it. Read per call: outbound calls are an agent's few, not the queue's many.
     */
    private static Map<OffsetDateTime, Map<String, OutboundFigures>> outbound(Connection reporting, ReportScope scope, ReportRequest request,
                                                                              SliceDimension dimension) throws SQLException {
        ZoneId zone = scope.tenant().zone();
        String key = request.by().isEmpty() ? "''" : switch (dimension) {
            case GROUP -> "CAST(group_id AS CHAR)";
            case AGENT -> "CAST(agent_id AS CHAR)";
            case SERVICE_NUMBER -> "service_number";
            default -> "disposition";
        };
        StringBuilder sql = new StringBuilder("SELECT received_at, ").append(key)
                .append(", answered_at IS NOT NULL AND ended_at IS NOT NULL, TIMESTAMPDIFF(MICROSECOND, answered_at, ended_at) DIV 1000")
                .append(" FROM call_record WHERE tenant_id = ? AND direction = 'OUTBOUND' AND received_at >= ? AND received_at < ?");
        scope.groups().ifPresent(groups -> sql.append(groups.isEmpty() ? " AND FALSE" : " AND group_id IN (" + ids(groups) + ")"));
        Map<OffsetDateTime, Map<String, OutboundFigures>> periods = new TreeMap<>();
        try (PreparedStatement query = reporting.prepareStatement(sql.toString())) {
            query.setLong(1, scope.tenant().id());
            query.setObject(2, Utc.of(request.start(zone)));
            query.setObject(3, Utc.of(request.end(zone)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (request.by().isPresent() && rows.getString(2) == null) {
                        // No group, no agent, no disposition: in the totals of a report without key only.
                        continue;
                    }
                    boolean answered = rows.getBoolean(3);
                    OutboundFigures call = new OutboundFigures(1, answered ? 1 : 0, answered ? Duration.ofMillis(rows.getLong(4)) : Duration.ZERO);
                    OffsetDateTime period = request.period().startOf(Utc.read(rows, 1), zone).toOffsetDateTime();
                    periods.computeIfAbsent(period, p -> new HashMap<>()).merge(rows.getString(2), call, OutboundFigures::plus);
                }
            }
        }
        return periods;
    }

    static String ids(Set<Long> ids) {
        StringBuilder in = new StringBuilder();
        for (long id : ids) {
            in.append(in.length() == 0 ? "" : ",").append(id);
        }
        return in.toString();
    }
}
