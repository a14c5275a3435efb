package io.verbund.acd.stats.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as CSV for spreadsheets and scripts: one header row of labels, then one line a row.
 * UTF-8 with a byte-order mark, because Excel otherwise reads the file as Windows-1252 and breaks
 * the umlauts. German uses {@code ;} and a decimal comma, because German Excel splits on {@code ;}
 * and reads {@code 1.5} as a date; English uses {@code ,} and a decimal point.
 *
 * <p>Numbers are raw (seconds as seconds, percent as 0..100) so a spreadsheet can compute with
 * them. No title and no totals row: every line is one record of the same kind, so a pivot or a
 * SUM over a column stays right.
 */
final class CsvReport {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private CsvReport() {
    }

    static void write(ReportTable table, OutputStream out) throws IOException {
        ReportLabels labels = ReportLabels.of(table.locale());
        boolean german = Locale.GERMAN.equals(labels.locale());
        CSVFormat format = CSVFormat.EXCEL.builder()
                .setDelimiter(german ? ';' : ',')
                .setRecordSeparator("\r\n")
                .get();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        // Not closed: closing the printer would close the caller's stream.
        CSVPrinter printer = new CSVPrinter(writer, format);
        List<Column> columns = table.columns();
        List<String> header = new ArrayList<>(columns.size());
        for (Column column : columns) {
            header.add(labels.label(column.key()));
        }
        printer.printRecord(header);
        List<String> line = new ArrayList<>(columns.size());
        int rowIndex = 0;
        for (List<Object> row : table.rows()) {
            CellValues.checkedRow(table, row, rowIndex);
            line.clear();
            for (int c = 0; c < columns.size(); c++) {
                line.add(cell(row.get(c), columns.get(c), rowIndex, german));
            }
            printer.printRecord(line);
            rowIndex++;
        }
        printer.flush();
    }

    private static String cell(Object value, Column column, int rowIndex, boolean german) {
        switch (column.kind()) {
            case TEXT:
                return defused(CellValues.text(value));
            case TIMESTAMP:
                LocalDateTime at = CellValues.timestamp(value, column, rowIndex);
                return at == null ? "" : TIMESTAMP.format(at);
            case COUNT:
            case PERCENT:
            case SECONDS:
                return number(value, column, rowIndex, german);
            default:
                throw new IllegalStateException("unknown column kind " + column.kind());
        }
    }

    private static String number(Object value, Column column, int rowIndex, boolean german) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        Double number = CellValues.number(value, column, rowIndex);
        if (number == null) {
            return "";
        }
        // Plain digits: no exponent, no grouping, no trailing zeros; all a spreadsheet reads back.
        String plain = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        return german ? plain.replace('.', ',') : plain;
    }

    /**
     * Group and agent names come from tenant admins; a name starting with {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return would run as a formula when the file is opened
     * in a spreadsheet. A leading apostrophe makes it text.
     */
    static String defused(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }
}
