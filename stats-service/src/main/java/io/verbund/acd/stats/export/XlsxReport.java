package io.verbund.acd.stats.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as an Excel workbook: title and subtitle, a bold header row that stays in view and
 * carries an autofilter, then one row a row with real numbers in cell formats, so the values
 * compute and still read right: counts {@code 0}, percent {@code 0.0} (0..100; the label says %),
 * seconds as Excel durations ({@code [h]:mm:ss}, value in days) and period starts as dates.
 *
 * <p>Streams with SXSSF: only {@value #ROWS_IN_MEMORY} rows are in memory, the rest in a
 * compressed temporary file that is deleted when the report is written. A month of 15-minute
 * intervals for 200 agents (about 600,000 rows) keeps memory flat.
 */
final class XlsxReport {

    static final int ROWS_IN_MEMORY = 100;

    private static final int TITLE_ROW = 0;
    private static final int SUBTITLE_ROW = 1;
    private static final int HEADER_ROW = 3;
    private static final double SECONDS_A_DAY = 86_400d;

    // Column widths in characters, guessed from the first rows instead of autoSizeColumn: that is
    // slow on long sheets and needs AWT fonts, which a headless server may not have.
    private static final int ROWS_MEASURED = 1_000;
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 40;

    private XlsxReport() {
    }

    static void write(ReportTable table, OutputStream out) throws IOException {
        int lastRow = HEADER_ROW + table.rows().size() + (table.totals() == null ? 0 : 1);
        if (lastRow >= SpreadsheetVersion.EXCEL2007.getMaxRows()) {
            throw new IllegalArgumentException("a report of " + table.rows().size()
                    + " rows does not fit on one Excel sheet; choose a longer period or fewer days");
        }
        ReportLabels labels = ReportLabels.of(table.locale());
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            List<Column> columns = table.columns();
            int[] widths = new int[columns.size()];

            text(sheet.createRow(TITLE_ROW), 0, table.title(), styles.title);
            if (table.subtitle() != null) {
                text(sheet.createRow(SUBTITLE_ROW), 0, table.subtitle(), null);
            }
            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < columns.size(); c++) {
                String label = labels.label(columns.get(c).key());
                text(header, c, label, styles.header);
                widths[c] = Math.max(label.length() + 3, MIN_WIDTH); // room for the filter button
            }

            int rowNumber = HEADER_ROW + 1;
            int rowIndex = 0;
            for (List<Object> values : table.rows()) {
                CellValues.checkedRow(table, values, rowIndex);
                Row row = sheet.createRow(rowNumber++);
                for (int c = 0; c < columns.size(); c++) {
                    int shown = cell(row, c, columns.get(c), values.get(c), rowIndex, styles, false);
                    if (rowIndex < ROWS_MEASURED) {
                        widths[c] = Math.max(widths[c], shown + 2);
                    }
                }
                rowIndex++;
            }
            if (table.totals() != null) {
                List<Object> totals = CellValues.checkedRow(table, table.totals(), -1);
                Row row = sheet.createRow(rowNumber);
                for (int c = 0; c < columns.size(); c++) {
                    if (c == 0 && totals.get(c) == null) {
                        text(row, c, labels.text("total"), styles.totalText);
                    } else {
                        cell(row, c, columns.get(c), totals.get(c), -1, styles, true);
                    }
                }
            }

            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.min(widths[c], MAX_WIDTH) * 256);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, HEADER_ROW + rowIndex),
                    0, columns.size() - 1));
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
            workbook.dispose(); // deletes the temporary files
        }
    }

    /** Writes one cell and answers roughly how many characters it shows, for the column width. */
    private static int cell(Row row, int c, Column column, Object value, int rowIndex, Styles styles, boolean total) {
        switch (column.kind()) {
            case TEXT:
                String text = CellValues.text(value);
                if (text == null) {
                    return 0;
                }
                text(row, c, text, total ? styles.totalText : null);
                return text.length();
            case TIMESTAMP:
                LocalDateTime at = CellValues.timestamp(value, column, rowIndex);
                if (at == null) {
                    return 0;
                }
                Cell timestamp = row.createCell(c);
                timestamp.setCellValue(at);
                timestamp.setCellStyle(total ? styles.totalTimestamp : styles.timestamp);
                return 16;
            case COUNT:
                return number(row, c, CellValues.number(value, column, rowIndex),
                        total ? styles.totalCount : styles.count);
            case PERCENT:
                return number(row, c, CellValues.number(value, column, rowIndex),
                        total ? styles.totalPercent : styles.percent) + 2;
            case SECONDS:
                Double seconds = CellValues.number(value, column, rowIndex);
                number(row, c, seconds == null ? null : seconds / SECONDS_A_DAY,
                        total ? styles.totalSeconds : styles.seconds);
                return seconds == null ? 0 : 9;
            default:
                throw new IllegalStateException("unknown column kind " + column.kind());
        }
    }

    private static int number(Row row, int c, Double value, CellStyle style) {
        if (value == null) {
            return 0; // an empty cell: no calls, nothing to show
        }
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return String.valueOf(Math.round(Math.abs(value))).length();
    }

    private static void text(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The workbook's styles, made once: a workbook holds at most 64,000 of them. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle count;
        final CellStyle percent;
        final CellStyle seconds;
        final CellStyle timestamp;
        final CellStyle totalText;
        final CellStyle totalCount;
        final CellStyle totalPercent;
        final CellStyle totalSeconds;
        final CellStyle totalTimestamp;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);

            title = workbook.createCellStyle();
            title.setFont(large);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setAlignment(HorizontalAlignment.CENTER);

            count = formatted(workbook, "0", null);
            percent = formatted(workbook, "0.0", null);
            seconds = formatted(workbook, "[h]:mm:ss", null);
            timestamp = formatted(workbook, "yyyy-mm-dd hh:mm", null);
            totalText = workbook.createCellStyle();
            totalText.setFont(bold);
            totalCount = formatted(workbook, "0", bold);
            totalPercent = formatted(workbook, "0.0", bold);
            totalSeconds = formatted(workbook, "[h]:mm:ss", bold);
            totalTimestamp = formatted(workbook, "yyyy-mm-dd hh:mm", bold);
        }

        private static CellStyle formatted(SXSSFWorkbook workbook, String format, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }
    }
}
