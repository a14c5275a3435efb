package io.verbund.acd.stats.export;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Reads a cell as what its column's kind promises, so a wrong value fails with the row and column
 * named instead of a ClassCastException deep inside a writer.
 */
final class CellValues {

    private CellValues() {
    }

    /** The row, checked to have one value per column. {@code rowIndex} counts from 0; -1 is totals. */
    static List<Object> checkedRow(ReportTable table, List<Object> row, int rowIndex) {
        if (row == null || row.size() != table.columns().size()) {
            throw new IllegalArgumentException(where(rowIndex) + " has "
                    + (row == null ? "no values" : row.size() + " values") + " for "
                    + table.columns().size() + " columns");
        }
        return row;
    }

    /** A COUNT, PERCENT or SECONDS value; null stays null, and so does NaN (nothing to show). */
    static Double number(Object value, Column column, int rowIndex) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number)) {
            throw wrongType(value, column, rowIndex, "a number");
        }
        double number = ((Number) value).doubleValue();
        return Double.isFinite(number) ? number : null;
    }

    /** A TIMESTAMP as the local date-time it shows: the period start in the tenant's zone. */
    static LocalDateTime timestamp(Object value, Column column, int rowIndex) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toLocalDateTime();
        }
        if (value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        throw wrongType(value, column, rowIndex, "an OffsetDateTime");
    }

    /** A TEXT value; anything else that lands in a text column shows as its string. */
    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static IllegalArgumentException wrongType(Object value, Column column, int rowIndex, String expected) {
        return new IllegalArgumentException(where(rowIndex) + ", column " + column.key() + " ("
                + column.kind() + "): expected " + expected + ", got " + value.getClass().getName());
    }

    private static String where(int rowIndex) {
        return rowIndex < 0 ? "totals" : "row " + rowIndex;
    }
}
