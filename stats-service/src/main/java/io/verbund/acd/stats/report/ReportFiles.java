package io.verbund.acd.stats.report;

import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.export.Column;
import io.verbund.acd.stats.export.ColumnKind;
import io.verbund.acd.stats.export.ReportFormat;
import io.verbund.acd.stats.export.ReportLabels;
import io.verbund.acd.stats.export.ReportTable;
import io.verbund.acd.tenant.TenantKey;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A report as the format asked for: JSON (the default), or a CSV, XLSX or PDF file to download,
 * with the same rows and totals, labelled in the language asked for.
 */
final class ReportFiles {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    private static final List<String> COUNTS = List.of("offered", "answered", "answeredWithinTarget", "abandoned", "shortAbandoned",
            "voicemails", "callbacks", "left", "handled", "transfers");
    private static final List<String> PERCENTS = List.of("serviceLevelPercent", "abandonRatePercent");
    private static final List<String> CALL_SECONDS = List.of("asaSeconds", "ahtSeconds", "longestWaitSeconds", "talkSeconds", "wrapUpSeconds");
    private static final List<String> STATE_SECONDS = List.of("loggedInSeconds", "readySeconds", "ringingSeconds", "onCallSeconds",
            "wrapUpSeconds", "pausedSeconds");

    private ReportFiles() {
    }

    /** Empty for JSON. */
    static Optional<ReportFormat> format(String format, TenantKey tenant) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
            return Optional.empty();
        }
        return Optional.of(ReportFormat.of(format.strip()).orElseThrow(() -> InvalidFields.of("format", "must be json, csv, xlsx or pdf", tenant)));
    }

    static Response calls(Optional<ReportFormat> format, ReportScope scope, ReportRequest request, KpiDefinition definition, ReadFrom readFrom,
                          CallReport.Result result) {
        if (format.isEmpty()) {
            return Response.ok(ReportJson.calls(scope, request, definition, readFrom, result), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return file(format.get(), callsTable(scope, request, definition, result), callsName(request), request);
    }

    static String callsName(ReportRequest request) {
        return "calls-" + request.byParameter();
    }

    static ReportTable callsTable(ReportScope scope, ReportRequest request, KpiDefinition definition, CallReport.Result result) {
        ReportLabels labels = ReportLabels.of(request.locale());
        boolean keyed = request.by().isPresent();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("periodStart", ColumnKind.TIMESTAMP));
        if (keyed) {
            columns.add(new Column("key", ColumnKind.TEXT));
            columns.add(new Column("name", ColumnKind.TEXT));
        }
        COUNTS.forEach(key -> columns.add(new Column(key, ColumnKind.COUNT)));
        PERCENTS.forEach(key -> columns.add(new Column(key, ColumnKind.PERCENT)));
        CALL_SECONDS.forEach(key -> columns.add(new Column(key, ColumnKind.SECONDS)));
        columns.add(new Column("outbound", ColumnKind.COUNT));
        columns.add(new Column("outboundAnswered", ColumnKind.COUNT));
        columns.add(new Column("outboundTalkSeconds", ColumnKind.SECONDS));
        List<List<Object>> rows = new ArrayList<>();
        for (CallReport.Row row : result.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.periodStart());
            if (keyed) {
                cells.add(row.key());
                cells.add(row.name());
            }
            cells.addAll(figures(row.figures()));
            rows.add(cells);
        }
        List<Object> totals = new ArrayList<>();
        totals.add(null);
        if (keyed) {
            totals.add(null);
            totals.add(null);
        }
        totals.addAll(figures(result.totals()));
        String title = labels.text("title.calls." + request.byParameter());
        String subtitle = subtitle(scope, request, labels) + " · KPI v" + definition.version();
        return new ReportTable(title, subtitle, columns, rows, totals, request.locale());
    }

    static Response agentStates(Optional<ReportFormat> format, ReportScope scope, ReportRequest request, ReadFrom readFrom,
                                AgentStateReport.Result result) {
        if (format.isEmpty()) {
            return Response.ok(ReportJson.agentStates(scope, request, readFrom, result), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return file(format.get(), agentStatesTable(scope, request, result), AGENT_STATES, request);
    }

    static final String AGENT_STATES = "agent-states";

    static ReportTable agentStatesTable(ReportScope scope, ReportRequest request, AgentStateReport.Result result) {
        ReportLabels labels = ReportLabels.of(request.locale());
        TreeSet<String> reasons = new TreeSet<>(result.totals().pausedByReason().keySet());
        List<Column> columns = new ArrayList<>(List.of(new Column("periodStart", ColumnKind.TIMESTAMP), new Column("key", ColumnKind.TEXT),
                new Column("name", ColumnKind.TEXT)));
        STATE_SECONDS.forEach(key -> columns.add(new Column(key, ColumnKind.SECONDS)));
        reasons.forEach(reason -> columns.add(new Column(labels.label("pausedSeconds") + ": " + reason, ColumnKind.SECONDS)));
        columns.add(new Column("occupancyPercent", ColumnKind.PERCENT));
        columns.add(new Column("utilisationPercent", ColumnKind.PERCENT));
        List<List<Object>> rows = new ArrayList<>();
        for (AgentStateReport.Row row : result.rows()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(row.periodStart(), row.key(), row.name()));
            cells.addAll(figures(row.figures(), reasons));
            rows.add(cells);
        }
        List<Object> totals = new ArrayList<>(Arrays.asList(null, null, null));
        totals.addAll(figures(result.totals(), reasons));
        return new ReportTable(labels.text("title.agentStates"), subtitle(scope, request, labels), columns, rows, totals, request.locale());
    }

    private static List<Object> figures(CallFigures figures) {
        return Arrays.asList(figures.offered(), figures.answered(), figures.answeredWithinTarget(), figures.abandoned(),
                figures.shortAbandoned(), figures.voicemails(), figures.callbacks(), figures.left(), figures.handled(), figures.transfers(),
                figures.serviceLevelPercent(), figures.abandonRatePercent(), figures.asaSeconds(), figures.ahtSeconds(),
                figures.longestWaitSeconds(), figures.talkSeconds(), figures.wrapUpSeconds(), figures.outbound(), figures.outboundAnswered(),
                figures.outboundTalkSeconds());
    }

    private static List<Object> figures(AgentStateFigures figures, TreeSet<String> reasons) {
        List<Object> cells = new ArrayList<>(Arrays.asList(figures.loggedInSeconds(), figures.readySeconds(), figures.ringingSeconds(),
                figures.onCallSeconds(), figures.wrapUpSeconds(), figures.pausedSeconds()));
        reasons.forEach(reason -> cells.add(figures.pausedByReason().getOrDefault(reason, 0.0)));
        cells.add(figures.occupancyPercent());
        cells.add(figures.utilisationPercent());
        return cells;
    }

    private static String subtitle(ReportScope scope, ReportRequest request, ReportLabels labels) {
        return scope.tenant().key().value() + " · " + request.from() + " – " + request.to() + " · " + scope.tenant().zone().getId() + " · "
                + labels.text("period." + request.period().parameter());
    }

    /** {@code calls-group-interval-2026-12-05.xlsx}, {@code agent-states-day-2026-11-01_2026-11-30.pdf}. */
    static String fileName(String name, ReportRequest request, ReportFormat format) {
        String period = request.from().equals(request.to()) ? request.from().toString() : request.from() + "_" + request.to();
        return name + "-" + request.period().parameter() + "-" + period + "." + format.extension();
    }

    private static Response file(ReportFormat format, ReportTable table, String name, ReportRequest request) {
        String fileName = fileName(name, request, format);
        StreamingOutput body = out -> format.write(table, out);
        return Response.ok(body, format.mediaType()).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").build();
    }
}
