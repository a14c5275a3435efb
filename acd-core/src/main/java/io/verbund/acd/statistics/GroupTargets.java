package io.verbund.acd.statistics;

import java.time.Duration;

/**
 * An ACD group's thresholds for its statistics.
 *
 * @param serviceLevel answered (or, in one variant, abandoned) within this wait counts for the service level
 * @param shortAbandon a caller who hung up sooner is a short abandon
 */
public record GroupTargets(Duration serviceLevel, Duration shortAbandon) {

    public GroupTargets {
        if (serviceLevel.isNegative() || serviceLevel.isZero()) {
            throw new IllegalArgumentException("a service-level time must be positive: " + serviceLevel);
        }
        if (shortAbandon.isNegative()) {
            throw new IllegalArgumentException("a short-abandon time cannot be negative: " + shortAbandon);
        }
    }

    /** The group's settings as stored: seconds. */
    public static GroupTargets ofSeconds(int serviceLevelSeconds, int shortAbandonSeconds) {
        return new GroupTargets(Duration.ofSeconds(serviceLevelSeconds), Duration.ofSeconds(shortAbandonSeconds));
    }
}
