package io.verbund.acd.stats.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void findsAFormatByNameIgnoringCase() {
        assertThat(ReportFormat.of("csv")).contains(ReportFormat.CSV);
        assertThat(ReportFormat.of("XLSX")).contains(ReportFormat.XLSX);
        assertThat(ReportFormat.of("Pdf")).contains(ReportFormat.PDF);
    }

    @Test
    void findsNothingForAnythingElse() {
        assertThat(ReportFormat.of("xls")).isEmpty();
        assertThat(ReportFormat.of("")).isEmpty();
        assertThat(ReportFormat.of(null)).isEmpty();
    }

    @Test
    void namesItsMediaTypeAndExtension() {
        assertThat(ReportFormat.XLSX.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ReportFormat.PDF.extension()).isEqualTo("pdf");
        assertThat(ReportFormat.CSV.mediaType()).isEqualTo("text/csv");
    }

    @Test
    void refusesARowWithTheWrongNumberOfValues() {
        ReportTable table = new ReportTable("t", null, SampleReports.COLUMNS,
                List.of(Arrays.asList(SampleReports.NINE, "x")), null, Locale.ENGLISH);

        for (ReportFormat format : ReportFormat.values()) {
            assertThatThrownBy(() -> format.write(table, new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("row 0");
        }
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingTheColumn() {
        ReportTable table = new ReportTable("t", null, SampleReports.COLUMNS,
                List.of(Arrays.asList(SampleReports.NINE, "x", "ten", null, null, null)), null, Locale.ENGLISH);

        assertThatThrownBy(() -> ReportFormat.CSV.write(table, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offered");
    }

    @Test
    void leavesTheCallersStreamOpen() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            ClosingCheck out = new ClosingCheck();
            format.write(SampleReports.callsByGroup(Locale.GERMAN), out);
            assertThat(out.closed).as(format.name()).isFalse();
            assertThat(out.size()).as(format.name()).isPositive();
        }
    }

    private static final class ClosingCheck extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
