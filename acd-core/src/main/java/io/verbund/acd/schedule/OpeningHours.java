package io.verbund.acd.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A weekly schedule with holidays in one time zone. An interval's end is exclusive; an end of
 * {@code null} means midnight (24:00). A holiday replaces the weekday's intervals for that date.
 */
public record OpeningHours(String name, ZoneId zone, List<Interval> weekly, Map<LocalDate, List<Interval>> holidays) {

    /** Open from {@code start} (inclusive) until {@code end} (exclusive; {@code null}: end of day). */
    public record Interval(DayOfWeek day, LocalTime start, LocalTime end) {
        public Interval {
            Objects.requireNonNull(start, "start");
        }

        boolean covers(LocalTime time) {
            return !time.isBefore(start) && (end == null || time.isBefore(end));
        }
    }

    public OpeningHours {
        weekly = List.copyOf(weekly);
        holidays = Map.copyOf(holidays);
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        List<Interval> today = holidays.get(local.toLocalDate());
        if (today != null) {
            return today.stream().anyMatch(interval -> interval.covers(time));
        }
        return weekly.stream().anyMatch(interval -> interval.day() == local.getDayOfWeek() && interval.covers(time));
    }
}
