package io.verbund.acd.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReportTest {

    private static XSSFWorkbook writeAndRead(ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.XLSX.write(table, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static boolean bold(XSSFWorkbook workbook, Cell cell) {
        return workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
    }

    @Test
    void writesTitleSubtitleAndGermanHeaderLabels() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN))) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Anrufe nach Gruppe, 15 Minuten");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("demo · 2026-12-05 – ");
            Row header = sheet.getRow(3);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Zeitraum");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Längste Wartezeit");
            assertThat(bold(workbook, header.getCell(0))).isTrue();
        }
    }

    @Test
    void writesNumbersAsNumbersWithFormats() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN))) {
            Row first = workbook.getSheetAt(0).getRow(4);

            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(10d);
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(80d);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(65d / 86_400d);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("[h]:mm:ss");
            assertThat(first.getCell(0).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 5, 9, 0));
            assertThat(first.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
        }
    }

    @Test
    void leavesCellsWithNoValueEmpty() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN))) {
            Row empty = workbook.getSheetAt(0).getRow(6);

            assertThat(empty.getCell(1).getStringCellValue()).isEqualTo("Leer");
            assertThat(empty.getCell(3)).isNull();
            assertThat(empty.getCell(4)).isNull();
        }
    }

    @Test
    void writesABoldTotalsRowLabelledInTheReportsLanguage() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN))) {
            Row totals = workbook.getSheetAt(0).getRow(7);

            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Summe");
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(13d);
            assertThat(bold(workbook, totals.getCell(2))).isTrue();
            assertThat(bold(workbook, totals.getCell(0))).isTrue();
            assertThat(bold(workbook, workbook.getSheetAt(0).getRow(4).getCell(2))).isFalse();
            assertThat(totals.getCell(4).getNumericCellValue()).isEqualTo(7200d / 86_400d);
            assertThat(totals.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("[h]:mm:ss");
        }
    }

    @Test
    void freezesTheHeaderAndFiltersOnIt() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            PaneInformation pane = sheet.getPaneInformation();

            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 4);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:F7");
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(2));
        }
    }

    @Test
    void streamsAHundredThousandRows() throws IOException {
        CountingOutputStream out = new CountingOutputStream();

        ReportFormat.XLSX.write(SampleReports.longReport(100_000), out);

        assertThat(out.count).isGreaterThan(0L);
    }

    /** Counts the bytes and throws them away: the workbook must not need to be held anywhere. */
    static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
