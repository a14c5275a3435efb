package io.verbund.acd.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    private static String write(ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.CSV.write(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv, char delimiter) throws IOException {
        return CSVFormat.EXCEL.builder().setDelimiter(delimiter).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
    }

    @Test
    void startsWithAByteOrderMarkSoExcelReadsUtf8() throws IOException {
        String csv = write(SampleReports.callsByGroup(Locale.GERMAN));

        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv).contains("Kundenservice Süd");
    }

    @Test
    void germanUsesSemicolonsAndDecimalCommas() throws IOException {
        List<CSVRecord> records = parse(write(SampleReports.callsByGroup(Locale.GERMANY)), ';');

        assertThat(records.get(0).toList()).containsExactly("Zeitraum", "Gruppe", "Angeboten", "Servicelevel %",
                "Längste Wartezeit", "AHT (mittlere Bearbeitungszeit)");
        assertThat(records.get(1).toList()).containsExactly("2026-12-05 09:00", "Kundenservice Süd", "10", "80",
                "65", "122,5");
        assertThat(records.get(2).get(3)).isEqualTo("33,333");
    }

    @Test
    void englishUsesCommasAndDecimalPoints() throws IOException {
        List<CSVRecord> records = parse(write(SampleReports.callsByGroup(Locale.US)), ',');

        assertThat(records.get(0).get(4)).isEqualTo("Longest wait");
        assertThat(records.get(1).get(5)).isEqualTo("122.5");
        assertThat(records.get(2).get(4)).as("seconds stay raw numbers").isEqualTo("7200");
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunAsAFormula() throws IOException {
        List<CSVRecord> records = parse(write(SampleReports.callsByGroup(Locale.GERMAN)), ';');

        assertThat(records.get(2).get(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CsvReport.defused("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(CsvReport.defused("-1")).isEqualTo("'-1");
        assertThat(CsvReport.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvReport.defused("\tx")).isEqualTo("'\tx");
        assertThat(CsvReport.defused("\rx")).isEqualTo("'\rx");
        assertThat(CsvReport.defused("Vertrieb")).isEqualTo("Vertrieb");
    }

    @Test
    void leavesCellsWithNoValueEmptyAndWritesNoTotals() throws IOException {
        List<CSVRecord> records = parse(write(SampleReports.callsByGroup(Locale.GERMAN)), ';');

        assertThat(records).hasSize(4);
        assertThat(records.get(3).toList()).containsExactly("2026-12-05 09:15", "Leer", "0", "", "", "");
    }
}
