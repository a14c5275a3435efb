package io.verbund.acd.stats.realtime;

import io.verbund.acd.statistics.Slices;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The periods real time counts, at one moment in one tenant's zone: today (since midnight there)
 * and the last 15 and 60 minutes. Midnight in any zone is a slice start ({@link Slices}), so today
 * is whole slices; the last minutes are counted from the visits' own queue times.
 *
 * @param now      the moment the figures are for
 * @param midnight the start of today in the tenant's zone
 */
public record LiveWindows(Instant now, Instant midnight) {

    public static final Duration SHORT = Duration.ofMinutes(15);
    public static final Duration LONG = Duration.ofMinutes(60);

    public static LiveWindows at(Instant now, ZoneId zone) {
        return new LiveWindows(now, LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant());
    }

    /** Visits queued at or after this are the last 15 minutes'. */
    public Instant lastShort() {
        return now.minus(SHORT);
    }

    /** Visits queued at or after this are the last 60 minutes'. */
    public Instant lastLong() {
        return now.minus(LONG);
    }

    /** The first slice that can hold a visit of the last 60 minutes: it narrows the read to a few slices by the index. */
    public Instant firstRecentSlice() {
        return Slices.startOf(lastLong());
    }
}
