package io.verbund.acd.stats.report;

import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.stats.access.ReportScope;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The JSON of a report: what it covers, the KPI definition and the server it was read from, its
 * rows (period, key, name and the figures on the row itself) and the totals. A figure without calls
 * to count is left out rather than shown as 0.
 */
final class ReportJson {

    private ReportJson() {
    }

    static JsonObject calls(ReportScope scope, ReportRequest request, KpiDefinition definition, ReadFrom readFrom, CallReport.Result result) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (CallReport.Row row : result.rows()) {
            rows.add(figures(Json.createObjectBuilder().add("periodStart", row.periodStart().toString()).add("key", row.key())
                    .add("name", row.name()), row.figures()));
        }
        return head(scope, request, request.byParameter(), readFrom)
                .add("kpiDefinition", Json.createObjectBuilder().add("version", definition.version())
                        .add("serviceLevel", definition.serviceLevel().name()).add("shortAbandonsExcluded", definition.shortAbandonsExcluded())
                        .add("wrapUpInHandleTime", definition.wrapUpInHandleTime()))
                .add("rows", rows).add("totals", figures(Json.createObjectBuilder(), result.totals())).build();
    }

    static JsonObject agentStates(ReportScope scope, ReportRequest request, ReadFrom readFrom, AgentStateReport.Result result) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (AgentStateReport.Row row : result.rows()) {
            rows.add(figures(Json.createObjectBuilder().add("periodStart", row.periodStart().toString()).add("key", row.key())
                    .add("name", row.name()), row.figures()));
        }
        return head(scope, request, "agent", readFrom).add("rows", rows).add("totals", figures(Json.createObjectBuilder(), result.totals()))
                .build();
    }

    private static JsonObjectBuilder head(ReportScope scope, ReportRequest request, String by, ReadFrom readFrom) {
        return Json.createObjectBuilder().add("tenant", scope.tenant().key().value()).add("timeZone", scope.tenant().zone().getId())
                .add("from", request.from().toString()).add("to", request.to().toString()).add("period", request.period().parameter())
                .add("by", by).add("readFrom", Json.createObjectBuilder().add("role", readFrom.role()).add("serverId", readFrom.serverId()));
    }

    private static JsonObjectBuilder figures(JsonObjectBuilder row, CallFigures figures) {
        row.add("offered", figures.offered()).add("answered", figures.answered()).add("answeredWithinTarget", figures.answeredWithinTarget())
                .add("abandoned", figures.abandoned()).add("shortAbandoned", figures.shortAbandoned()).add("voicemails", figures.voicemails())
                .add("callbacks", figures.callbacks()).add("left", figures.left()).add("handled", figures.handled())
                .add("transfers", figures.transfers());
        optional(row, "serviceLevelPercent", figures.serviceLevelPercent());
        optional(row, "abandonRatePercent", figures.abandonRatePercent());
        optional(row, "asaSeconds", figures.asaSeconds());
        optional(row, "ahtSeconds", figures.ahtSeconds());
        return row.add("longestWaitSeconds", figures.longestWaitSeconds()).add("talkSeconds", figures.talkSeconds())
                .add("wrapUpSeconds", figures.wrapUpSeconds()).add("outbound", figures.outbound())
                .add("outboundAnswered", figures.outboundAnswered()).add("outboundTalkSeconds", figures.outboundTalkSeconds());
    }

    private static JsonObjectBuilder figures(JsonObjectBuilder row, AgentStateFigures figures) {
        JsonObjectBuilder reasons = Json.createObjectBuilder();
        figures.pausedByReason().forEach(reasons::add);
        row.add("loggedInSeconds", figures.loggedInSeconds()).add("readySeconds", figures.readySeconds())
                .add("ringingSeconds", figures.ringingSeconds()).add("onCallSeconds", figures.onCallSeconds())
                .add("wrapUpSeconds", figures.wrapUpSeconds()).add("pausedSeconds", figures.pausedSeconds()).add("pausedByReason", reasons);
        optional(row, "occupancyPercent", figures.occupancyPercent());
        optional(row, "utilisationPercent", figures.utilisationPercent());
        return row;
    }

    private static void optional(JsonObjectBuilder row, String name, Double value) {
        if (value != null) {
            row.add(name, value);
        }
    }
}
