package io.verbund.acd.stats.export;

/** What a cell holds decides how each format shows it. */
public enum ColumnKind {
    TEXT, COUNT, PERCENT, SECONDS, TIMESTAMP
}
