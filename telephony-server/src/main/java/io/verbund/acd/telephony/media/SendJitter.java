package io.verbund.acd.telephony.media;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How far each leg's send intervals stray from 20 ms, over all legs: a histogram of the absolute
 * deviation in 0.1 ms buckets up to 100 ms (beyond that, one overflow bucket), written by the pacer
 * without allocating, read by a benchmark or a health check as a {@link Snapshot}.
 */
public final class SendJitter {

    /** Percentiles of the deviation from 20 ms since the last reset; NaN when nothing was measured. */
    public record Snapshot(long intervals, double p50Millis, double p99Millis, double maxMillis) {
    }

    private static final long BUCKET_NANOS = 100_000;
    private static final int BUCKETS = 1000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
    private volatile long maxNanos;

    /** One interval's deviation from the period, in nanoseconds (either sign). */
    void record(long deviationNanos) {
        long deviation = Math.abs(deviationNanos);
        counts.incrementAndGet((int) Math.min(deviation / BUCKET_NANOS, BUCKETS));
        if (deviation > maxNanos) {
            maxNanos = deviation;
        }
    }

    public Snapshot snapshot() {
        long[] copy = new long[BUCKETS + 1];
        long total = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        if (total == 0) {
            return new Snapshot(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Snapshot(total, percentile(copy, total, 0.50), percentile(copy, total, 0.99), maxNanos / 1e6);
    }

    public void reset() {
        for (int i = 0; i <= BUCKETS; i++) {
            counts.set(i, 0);
        }
        maxNanos = 0;
    }

    /** The upper edge of the bucket holding the percentile (the overflow bucket reads as the maximum). */
    private double percentile(long[] copy, long total, double fraction) {
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += copy[i];
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return maxNanos / 1e6;
    }
}
