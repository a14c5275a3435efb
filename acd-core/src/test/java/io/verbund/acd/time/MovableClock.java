package io.verbund.acd.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The test clock every module's tests share (acd-core's test jar): it stands still until a test
 * moves it, so timers, leases and "longest idle" are tested by moving time, never by sleeping.
 * Thread-safe, since the code under test may read it from its own threads.
 */
public final class MovableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MovableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MovableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** Moves the clock forward (or, with a negative amount, back). */
    public synchronized MovableClock advance(Duration amount) {
        now = now.plus(amount);
        return this;
    }

    public MovableClock advanceSeconds(long seconds) {
        return advance(Duration.ofSeconds(seconds));
    }

    public synchronized MovableClock set(Instant instant) {
        now = instant;
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now, other);
    }
}
