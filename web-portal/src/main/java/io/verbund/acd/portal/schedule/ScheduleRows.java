package io.verbund.acd.portal.schedule;

import io.verbund.acd.persistence.config.Holiday;
import io.verbund.acd.persistence.config.OpeningHoursEntity;
import io.verbund.acd.persistence.config.OpeningInterval;
import io.verbund.acd.schedule.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Translates between opening hours as the API writes them, as the rows store them ({@code TIME}
 * text, 24:00 included) and as acd-core's {@link OpeningHours} evaluates them. Plain Java, so the
 * evaluation the status endpoint answers with is tested without a database.
 */
final class ScheduleRows {

    private ScheduleRows() {
    }

    /** Rows for the intervals of a body {@link ScheduleCheck} has passed. */
    static List<OpeningInterval> intervals(List<OpeningHoursRequest.Interval> intervals) {
        return Objects.requireNonNullElse(intervals, List.<OpeningHoursRequest.Interval>of()).stream()
                .map(interval -> new OpeningInterval(interval.day(), body(interval.from()).stored(), body(interval.until()).stored()))
                .toList();
    }

    /** Rows for the holidays of a body {@link ScheduleCheck} has passed. */
    static List<Holiday> holidays(List<OpeningHoursRequest.Holiday> holidays) {
        return Objects.requireNonNullElse(holidays, List.<OpeningHoursRequest.Holiday>of()).stream()
                .map(holiday -> new Holiday(LocalDate.parse(holiday.day()), holiday.name().strip(),
                        holiday.openFrom() == null ? null : body(holiday.openFrom()).stored(),
                        holiday.openUntil() == null ? null : body(holiday.openUntil()).stored()))
                .toList();
    }

    /** The schedule the rows describe, as the telephony-server builds it to route calls. */
    static OpeningHours schedule(OpeningHoursEntity rows) {
        List<OpeningHours.Interval> weekly = rows.getIntervals().stream()
                .map(interval -> new OpeningHours.Interval(DayOfWeek.of(interval.getDayOfWeek()),
                        column(interval.getStartTime()).asStart(), column(interval.getEndTime()).asEnd()))
                .toList();
        Map<LocalDate, List<OpeningHours.Interval>> holidays = new HashMap<>();
        for (Holiday holiday : rows.getHolidays()) {
            holidays.put(holiday.getDay(), holiday.isClosedAllDay() ? List.of()
                    : List.of(new OpeningHours.Interval(holiday.getDay().getDayOfWeek(), column(holiday.getOpenFrom()).asStart(),
                            column(holiday.getOpenUntil()).asEnd())));
        }
        return new OpeningHours(rows.getName(), ZoneId.of(rows.getTimeZone()), weekly, holidays);
    }

    static OpeningHoursDocument document(OpeningHoursEntity rows) {
        List<OpeningHoursDocument.Interval> intervals = rows.getIntervals().stream()
                .sorted(Comparator.comparingInt(OpeningInterval::getDayOfWeek).thenComparing(interval -> column(interval.getStartTime())))
                .map(interval -> new OpeningHoursDocument.Interval(interval.getDayOfWeek(), column(interval.getStartTime()).text(),
                        column(interval.getEndTime()).text()))
                .toList();
        List<OpeningHoursDocument.Holiday> holidays = rows.getHolidays().stream()
                .sorted(Comparator.comparing(Holiday::getDay))
                .map(holiday -> new OpeningHoursDocument.Holiday(holiday.getDay(), holiday.getName(),
                        holiday.isClosedAllDay() ? null : column(holiday.getOpenFrom()).text(),
                        holiday.isClosedAllDay() ? null : column(holiday.getOpenUntil()).text()))
                .toList();
        return new OpeningHoursDocument(rows.getId() == null ? 0 : rows.getId(), rows.getName(), rows.getTimeZone(), intervals,
                holidays, rows.getVersion(), rows.getUpdatedAt());
    }

    private static DayTime body(String text) {
        return DayTime.parse(text).orElseThrow(() -> new IllegalArgumentException("not checked: " + text));
    }

    /** A {@code TIME} column's text; MariaDB answers {@code HH:MM:SS}, a fraction is cut off. */
    private static DayTime column(String text) {
        String seconds = text.length() > 8 ? text.substring(0, 8) : text;
        return DayTime.parse(seconds).orElseThrow(() -> new IllegalStateException("a TIME column held " + text));
    }
}
