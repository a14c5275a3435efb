package io.verbund.acd.stats.export;

import java.util.Objects;

/**
 * One column of a report.
 *
 * @param key stable column key, e.g. "offered"; label is looked up with ReportLabels
 * @param kind what the column's cells hold
 */
public record Column(String key, ColumnKind kind) {

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }
}
