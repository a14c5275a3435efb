package io.verbund.acd.stats.report;

import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.tenant.TenantKey;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** A report as the format asked for: JSON, or a file to download. */
final class ReportFiles {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    enum Format { JSON }

    private ReportFiles() {
    }

    static Format format(String format, TenantKey tenant) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
            return Format.JSON;
        }
        throw InvalidFields.of("format", "must be json, csv, xlsx or pdf", tenant);
    }

    static Response calls(Format format, ReportScope scope, ReportRequest request, KpiDefinition definition, ReadFrom readFrom,
                          CallReport.Result result) {
        return Response.ok(ReportJson.calls(scope, request, definition, readFrom, result), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Response agentStates(Format format, ReportScope scope, ReportRequest request, ReadFrom readFrom, AgentStateReport.Result result) {
        return Response.ok(ReportJson.agentStates(scope, request, readFrom, result), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
