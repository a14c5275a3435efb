package io.verbund.acd.stats.export;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One report ready to write. rows: each row has one value per column: TEXT -> String, COUNT -> Long or Integer,
 * PERCENT -> Double (0..100) or null (no calls: shown as "–", empty cell in CSV/XLSX), SECONDS -> Long/Double seconds or null,
 * TIMESTAMP -> java.time.OffsetDateTime (the period start in the tenant's zone) .
 * totals: one value per column or null for "no totals row"; title e.g. "Calls by group, interval"; subtitle e.g. "demo · 2026-12-05 – 2026-12-05 · Europe/Berlin · KPI definition v1".
 *
 * <p>The lists are not copied: a month of intervals can be hundreds of thousands of rows, and the
 * writers only iterate them once. Each row's width is checked as it is written.
 */
public record ReportTable(String title, String subtitle, List<Column> columns, List<List<Object>> rows,
                          List<Object> totals, Locale locale) {

    public ReportTable {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(locale, "locale");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one column");
        }
        if (totals != null && totals.size() != columns.size()) {
            throw new IllegalArgumentException("totals has " + totals.size() + " values for "
                    + columns.size() + " columns");
        }
    }
}
