package io.verbund.acd.portal.schedule;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.FieldProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of an opening-hours body beyond single fields, mirroring the schema's CHECKs and unique
 * keys so a client gets a field problem, never a database error: the zone is an IANA zone; every
 * interval starts before it ends (24:00 at the latest); intervals of one day do not overlap (touching
 * is fine, the end is exclusive); a holiday is listed once, and has both or neither of its hours, in
 * order. Fields Bean Validation already refused (missing, malformed) are skipped here, not repeated.
 */
final class ScheduleCheck {

    private ScheduleCheck() {
    }

    static List<FieldProblem> problems(OpeningHoursRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            problems.add(new FieldProblem("timeZone", PortalWords.text("schedule.time-zone")));
        }
        checkIntervals(Objects.requireNonNullElse(request.intervals(), List.of()), problems);
        checkHolidays(Objects.requireNonNullElse(request.holidays(), List.of()), problems);
        problems.sort(Comparator.comparing(FieldProblem::field));
        return problems;
    }

    private static void checkIntervals(List<OpeningHoursRequest.Interval> intervals, List<FieldProblem> problems) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            OpeningHoursRequest.Interval interval = intervals.get(i);
            if (interval == null || interval.day() == null || interval.day() < 1 || interval.day() > 7) {
                continue;
            }
            DayTime from = DayTime.parse(interval.from()).orElse(null);
            DayTime until = DayTime.parse(interval.until()).orElse(null);
            if (from == null || until == null) {
                continue;
            }
            if (!from.isBefore(until)) {
                problems.add(new FieldProblem("intervals[" + i + "].until", PortalWords.text("schedule.until-after-from", from.text())));
                continue;
            }
            spans.add(new Span(i, interval.day(), from, until));
        }
        spans.sort(Comparator.comparingInt(Span::day).thenComparing(Span::from).thenComparingInt(Span::index));
        Span reaching = null;
        for (Span span : spans) {
            if (reaching != null && reaching.day() == span.day() && span.from().isBefore(reaching.until())) {
                problems.add(new FieldProblem("intervals[" + span.index() + "]", "overlaps intervals[" + reaching.index() + "] (day "
                        + reaching.day() + ", " + reaching.from().text() + "–" + reaching.until().text() + ")"));
            }
            if (reaching == null || reaching.day() != span.day() || reaching.until().isBefore(span.until())) {
                reaching = span;
            }
        }
    }

    private static void checkHolidays(List<OpeningHoursRequest.Holiday> holidays, List<FieldProblem> problems) {
        Map<LocalDate, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            OpeningHoursRequest.Holiday holiday = holidays.get(i);
            if (holiday == null) {
                continue;
            }
            String field = "holidays[" + i + "].";
            LocalDate day = date(holiday.day());
            if (day == null && holiday.day() != null && holiday.day().matches("^\\d{4}-\\d{2}-\\d{2}$")) {
                problems.add(new FieldProblem(field + "day", PortalWords.text("schedule.no-date")));
            } else if (day != null && day.getYear() < 1000) {
                // MariaDB's DATE starts at 1000-01-01.
                problems.add(new FieldProblem(field + "day", PortalWords.text("schedule.years")));
                day = null;
            }
            if (day != null) {
                Integer first = firstIndex.putIfAbsent(day, i);
                if (first != null) {
                    problems.add(new FieldProblem(field + "day", day + " is already listed as holidays[" + first + "]"));
                }
            }
            if ((holiday.openFrom() == null) != (holiday.openUntil() == null)) {
                String missing = holiday.openFrom() == null ? "openFrom" : "openUntil";
                problems.add(new FieldProblem(field + missing, "openFrom and openUntil go together: both for a day open only"
                        + " from–until, neither for a day closed all day"));
                continue;
            }
            DayTime from = DayTime.parse(holiday.openFrom()).orElse(null);
            DayTime until = DayTime.parse(holiday.openUntil()).orElse(null);
            if (from != null && until != null && !from.isBefore(until)) {
                problems.add(new FieldProblem(field + "openUntil", PortalWords.text("schedule.open-until-after", from.text())));
            }
        }
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A valid interval, with its place in the request for the message. */
    private record Span(int index, int day, DayTime from, DayTime until) {
    }
}
