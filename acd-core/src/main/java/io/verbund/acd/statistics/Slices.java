package io.verbund.acd.statistics;

import java.time.Duration;
import java.time.Instant;

/**
 * The 15-minute slices statistics are kept in. Slices start on the quarter hours of UTC: every time
 * zone of a tenant has its hours (and days) made of whole UTC quarter hours (zones with a 45-minute
 * offset included), so a day in the tenant's zone is a sum of 96 slices (92 or 100 on the days
 * clocks change).
 */
public final class Slices {

    public static final Duration LENGTH = Duration.ofMinutes(15);

    private Slices() {
    }

    /** The start of the slice {@code at} falls in. */
    public static Instant startOf(Instant at) {
        long seconds = at.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, LENGTH.toSeconds()));
    }
}
