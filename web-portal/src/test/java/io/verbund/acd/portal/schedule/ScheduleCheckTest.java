package io.verbund.acd.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.runtime.problem.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleCheckTest {

    private static OpeningHoursRequest.Interval interval(int day, String from, String until) {
        return new OpeningHoursRequest.Interval(day, from, until);
    }

    private static OpeningHoursRequest.Holiday holiday(String day, String from, String until) {
        return new OpeningHoursRequest.Holiday(day, "Holiday", from, until);
    }

    private static List<FieldProblem> problems(List<OpeningHoursRequest.Interval> intervals, List<OpeningHoursRequest.Holiday> holidays) {
        return ScheduleCheck.problems(new OpeningHoursRequest("Office", "Europe/Berlin", intervals, holidays, null));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void acceptsAWorkingWeekWithALunchBreakAndHolidays() {
        List<FieldProblem> found = problems(
                List.of(interval(1, "08:00", "12:00"), interval(1, "12:00", "18:00"), interval(2, "08:00", "24:00"),
                        interval(6, "00:00", "24:00")),
                List.of(holiday("2026-12-24", "09:00", "12:00"), holiday("2026-12-25", null, null)));

        assertThat(found).isEmpty();
    }

    @Test
    void acceptsNoIntervalsAtAll() {
        assertThat(ScheduleCheck.problems(new OpeningHoursRequest("Closed", null, null, null, null))).isEmpty();
    }

    @Test
    void namesAnIntervalThatEndsBeforeItStarts() {
        List<FieldProblem> found = problems(List.of(interval(1, "18:00", "08:00"), interval(2, "08:00", "08:00")), List.of());

        assertThat(fields(found)).containsExactly("intervals[0].until", "intervals[1].until");
        assertThat(found.get(0).message()).contains("after from (18:00)");
    }

    @Test
    void namesTheLaterOfTwoOverlappingIntervalsOfOneDay() {
        List<FieldProblem> found = problems(List.of(interval(3, "13:00", "18:00"), interval(3, "08:00", "14:00")), List.of());

        assertThat(fields(found)).containsExactly("intervals[0]");
        assertThat(found.get(0).message()).contains("overlaps intervals[1]").contains("08:00–14:00");
    }

    @Test
    void findsAnIntervalInsideALongOneAfterAShortOne() {
        List<FieldProblem> found = problems(
                List.of(interval(1, "08:00", "20:00"), interval(1, "09:00", "10:00"), interval(1, "11:00", "12:00")), List.of());

        assertThat(fields(found)).containsExactly("intervals[1]", "intervals[2]");
        assertThat(found).allSatisfy(problem -> assertThat(problem.message()).contains("overlaps intervals[0]"));
    }

    @Test
    void namesTheSecondOfTwoIntervalsWithTheSameStart() {
        assertThat(fields(problems(List.of(interval(5, "08:00", "12:00"), interval(5, "08:00", "10:00")), List.of())))
                .containsExactly("intervals[1]");
    }

    @Test
    void intervalsOfDifferentDaysNeverOverlap() {
        assertThat(problems(List.of(interval(1, "00:00", "24:00"), interval(2, "00:00", "24:00")), List.of())).isEmpty();
    }

    @Test
    void namesAnUnknownTimeZone() {
        assertThat(fields(ScheduleCheck.problems(new OpeningHoursRequest("Office", "Europe/Springfield", List.of(), List.of(), null))))
                .containsExactly("timeZone");
        assertThat(fields(ScheduleCheck.problems(new OpeningHoursRequest("Office", "+02:00", List.of(), List.of(), null))))
                .containsExactly("timeZone");
    }

    @Test
    void namesAHolidayListedTwice() {
        List<FieldProblem> found = problems(List.of(), List.of(holiday("2026-12-24", null, null), holiday("2026-12-24", "09:00", "12:00")));

        assertThat(fields(found)).containsExactly("holidays[1].day");
        assertThat(found.get(0).message()).contains("holidays[0]");
    }

    @Test
    void holidayHoursGoTogetherAndInOrder() {
        List<FieldProblem> found = problems(List.of(), List.of(holiday("2026-12-24", "09:00", null),
                holiday("2026-12-31", null, "12:00"), holiday("2027-01-01", "14:00", "12:00")));

        assertThat(fields(found)).containsExactly("holidays[0].openUntil", "holidays[1].openFrom", "holidays[2].openUntil");
    }

    @Test
    void namesADateTheCalendarDoesNotHave() {
        assertThat(fields(problems(List.of(), List.of(holiday("2026-02-30", null, null))))).containsExactly("holidays[0].day");
        assertThat(fields(problems(List.of(), List.of(holiday("0999-12-24", null, null))))).containsExactly("holidays[0].day");
    }

    @Test
    void leavesMalformedFieldsToBeanValidation() {
        assertThat(problems(List.of(interval(1, "8 am", "18:00"), interval(9, "08:00", "09:00")), List.of(holiday("24.12.2026", null, null))))
                .isEmpty();
    }
}
