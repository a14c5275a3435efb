package io.verbund.acd.stats.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods a report's rows are: the 15-minute slices themselves, or hours, days, ISO weeks
 * (from Monday) and months in the tenant's time zone, each a whole number of slices.
 */
public enum ReportPeriod {
    INTERVAL, HOUR, DAY, WEEK, MONTH;

    /** The start of the period {@code slice} falls in, in {@code zone}. */
    public ZonedDateTime startOf(Instant slice, ZoneId zone) {
        ZonedDateTime at = slice.atZone(zone);
        switch (this) {
            case INTERVAL:
                return at;
            case HOUR:
                return at.truncatedTo(ChronoUnit.HOURS);
            case DAY:
                return at.toLocalDate().atStartOfDay(zone);
            case WEEK:
                return at.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
            default:
                return at.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        }
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportPeriod> of(String parameter) {
        for (ReportPeriod period : values()) {
            if (period.parameter().equalsIgnoreCase(parameter)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}
