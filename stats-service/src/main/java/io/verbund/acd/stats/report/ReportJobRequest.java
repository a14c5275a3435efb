package io.verbund.acd.stats.report;

import java.util.List;

/**
 * A report to run as a job: {@code {"report":"calls","from":"2026-11-01","to":"2026-11-30",
 * "period":"interval","by":"agent","group":[3],"kpiVersion":2,"format":"xlsx","lang":"de"}};
 * {@code createdBy} names the user when the web portal sends it.
 */
public record ReportJobRequest(String report, String from, String to, String period, String by, List<Long> group, Integer kpiVersion,
                               String format, String lang, String createdBy) {
}
