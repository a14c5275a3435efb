package io.verbund.acd.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    private static PdfReader writeAndRead(ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.PDF.write(table, out);
        return new PdfReader(out.toByteArray());
    }

    private static String firstPage(PdfReader reader) throws IOException {
        return new PdfTextExtractor(reader).getTextFromPage(1);
    }

    @Test
    void showsTitleGermanLabelsAndValuesForPeople() throws IOException {
        PdfReader reader = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN));
        String text = firstPage(reader);

        assertThat(text).contains("Anrufe nach Gruppe, 15 Minuten");
        assertThat(text).contains("demo · 2026-12-05 – 2026-12-05");
        assertThat(text).contains("Längste Wartezeit");
        assertThat(text).contains("Kundenservice Süd");
        assertThat(text).contains("80,0 %");
        assertThat(text).contains("0:01:05");
        assertThat(text).contains("2:00:00");
        assertThat(text).contains("Summe");
        assertThat(text).as("no dash where a group has no total").containsPattern("Summe\\s*13");
        reader.close();
    }

    @Test
    void showsADashWhereThereIsNoValue() throws IOException {
        PdfReader reader = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN));
        String text = firstPage(reader);

        // The extractor puts no spaces between cells.
        assertThat(text).containsPattern("Leer\\s*0\\s*–\\s*–\\s*–");
        assertThat(text).contains("Seite 1 von");
        reader.close();
    }

    @Test
    void englishShowsDecimalPointsAndEnglishLabels() throws IOException {
        PdfReader reader = writeAndRead(SampleReports.callsByGroup(Locale.ENGLISH));
        String text = firstPage(reader);

        assertThat(text).contains("Longest wait");
        assertThat(text).contains("80.0 %");
        assertThat(text).contains("Total");
        reader.close();
    }

    @Test
    void isLandscapeA4() throws IOException {
        PdfReader reader = writeAndRead(SampleReports.callsByGroup(Locale.GERMAN));

        assertThat(reader.getPageSizeWithRotation(1).getWidth()).isGreaterThan(reader.getPageSizeWithRotation(1).getHeight());
        reader.close();
    }

    @Test
    void numbersThePagesAndRepeatsTheHeader() throws IOException {
        PdfReader reader = writeAndRead(SampleReports.longReport(120));
        int pages = reader.getNumberOfPages();
        String last = new PdfTextExtractor(reader).getTextFromPage(pages);

        assertThat(pages).isGreaterThan(1);
        assertThat(firstPage(reader)).contains("Page 1 of");
        assertThat(last).contains("Page " + pages + " of");
        assertThat(last).contains("Longest wait");
        reader.close();
    }

    @Test
    void formatsDurationsWithHoursBeyondADay() {
        assertThat(PdfReport.CellText.duration(65)).isEqualTo("0:01:05");
        assertThat(PdfReport.CellText.duration(90_061)).isEqualTo("25:01:01");
    }
}
