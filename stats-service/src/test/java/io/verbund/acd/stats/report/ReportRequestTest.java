package io.verbund.acd.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.statistics.SliceDimension;
import io.verbund.acd.statistics.Slices;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A report's parameters: defaults, every bad one named at once, and periods in the tenant's zone. */
class ReportRequestTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final TenantKey DEMO = new TenantKey("demo");

    @Test
    void withoutParametersItIsTodayByGroupPerDayUnderTheCurrentDefinition() {
        ReportRequest request = ReportRequest.parse(null, null, null, null, null, null, BERLIN, TODAY, DEMO);

        assertThat(request.from()).isEqualTo(TODAY);
        assertThat(request.to()).isEqualTo(TODAY);
        assertThat(request.period()).isEqualTo(ReportPeriod.DAY);
        assertThat(request.by()).contains(SliceDimension.GROUP);
        assertThat(request.kpiVersion()).isEmpty();
        assertThat(request.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(Duration.between(request.start(BERLIN), request.end(BERLIN))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void byNumberAndByNoneAndGerman() {
        assertThat(ReportRequest.parse(null, null, "interval", "number", "2", "de-DE", BERLIN, TODAY, DEMO).by())
                .contains(SliceDimension.SERVICE_NUMBER);
        ReportRequest none = ReportRequest.parse(null, null, null, "none", null, "de", BERLIN, TODAY, DEMO);
        assertThat(none.by()).isEmpty();
        assertThat(none.byParameter()).isEqualTo("none");
        assertThat(none.locale()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void everyBadParameterIsNamedInOneProblem() {
        assertThatThrownBy(() -> ReportRequest.parse("yesterday", "2026-12-01", "fortnight", "colour", "v2", null, BERLIN, TODAY, DEMO))
                .isInstanceOfSatisfying(InvalidFields.class, problem -> assertThat(problem.fieldProblems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("from", "period", "by", "kpiVersion"));
        assertThatThrownBy(() -> ReportRequest.parse("2026-12-05", "2026-12-01", null, null, null, null, BERLIN, TODAY, DEMO))
                .isInstanceOfSatisfying(InvalidFields.class, problem -> assertThat(problem.fieldProblems()).extracting(FieldProblem::field)
                        .containsExactly("to"));
        assertThatThrownBy(() -> ReportRequest.parse("2025-01-01", "2026-12-05", null, null, null, null, BERLIN, TODAY, DEMO))
                .isInstanceOf(InvalidFields.class);
    }

    @Test
    void theDayClocksGoBackHasOneHundredSlices() {
        ReportRequest day = ReportRequest.parse("2026-10-25", "2026-10-25", null, null, null, null, BERLIN, TODAY, DEMO);

        assertThat(Duration.between(day.start(BERLIN), day.end(BERLIN)).dividedBy(Slices.LENGTH)).isEqualTo(100);
    }

    @Test
    void periodsStartInTheTenantsZone() {
        Instant slice = Instant.parse("2026-12-02T23:15:00Z");

        assertThat(ReportPeriod.INTERVAL.startOf(slice, BERLIN).toString()).isEqualTo("2026-12-03T00:15+01:00[Europe/Berlin]");
        assertThat(ReportPeriod.HOUR.startOf(slice, BERLIN).toLocalDateTime().toString()).isEqualTo("2026-12-03T00:00");
        assertThat(ReportPeriod.DAY.startOf(slice, BERLIN).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(ReportPeriod.WEEK.startOf(slice, BERLIN).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ReportPeriod.MONTH.startOf(slice, BERLIN).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ReportPeriod.of("Week")).contains(ReportPeriod.WEEK);
        assertThat(ReportPeriod.of("fortnight")).isEqualTo(Optional.empty());
    }
}
