package io.verbund.acd.stats.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reports for the writer tests: a small one with every kind of cell, and a long one. */
final class SampleReports {

    static final List<Column> COLUMNS = List.of(
            new Column("periodStart", ColumnKind.TIMESTAMP),
            new Column("group", ColumnKind.TEXT),
            new Column("offered", ColumnKind.COUNT),
            new Column("serviceLevelPercent", ColumnKind.PERCENT),
            new Column("longestWaitSeconds", ColumnKind.SECONDS),
            new Column("ahtSeconds", ColumnKind.SECONDS));

    static final OffsetDateTime NINE = OffsetDateTime.of(2026, 12, 5, 9, 0, 0, 0, ZoneOffset.ofHours(1));

    private SampleReports() {
    }

    /**
     * Three rows: "Kundenservice Süd" with 80 % and 65 s, a group named like a formula, and a
     * group with no calls (percent and seconds null). Totals with a null first cell.
     */
    static ReportTable callsByGroup(Locale locale) {
        List<List<Object>> rows = List.of(
                Arrays.asList(NINE, "Kundenservice Süd", 10L, 80.0, 65L, 122.5),
                Arrays.asList(NINE, "=HYPERLINK(\"http://evil\")", 3, 33.333, 7200L, 30.0),
                Arrays.asList(NINE.plusMinutes(15), "Leer", 0L, null, null, null));
        List<Object> totals = Arrays.asList(null, null, 13L, 69.2, 7200L, 99.0);
        return new ReportTable("Anrufe nach Gruppe, 15 Minuten",
                "demo · 2026-12-05 – 2026-12-05 · Europe/Berlin · KPI definition v1",
                COLUMNS, rows, totals, locale);
    }

    static ReportTable longReport(int rowCount) {
        List<List<Object>> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            rows.add(Arrays.asList(NINE.plusMinutes(15L * i), "Agent " + (i % 200), (long) i, 90.0, 40L, 200.5));
        }
        return new ReportTable("Calls by agent, 15 minutes", null, COLUMNS, rows, null, Locale.ENGLISH);
    }
}
