package io.verbund.acd.runtime.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Failure counts with a lockout, kept in a {@link LoginFailures} store shared by the cluster: the
 * HTTP login throttle's ({@link LoginThrottle}) and the SIP registrar's. A key counts failures within
 * a window (starting at its first failure); the failure that reaches the limit locks the key for
 * the lockout and starts the count again. Each count is one string
 * {@code failures|windowStartMillis|lockedUntilMillis}, written with conditional replaces so that
 * concurrent failures on several nodes are all counted; an entry lives window + lockout.
 * Reading is a local look-up (replicated cache); only failures write.
 */
public final class FailureCounts {

    private static final Logger LOG = Logger.getLogger(FailureCounts.class.getName());
    private static final int WRITE_ATTEMPTS = 8;

    private final LoginFailures store;

    public FailureCounts(LoginFailures store) {
        this.store = store;
    }

    /** How long the key is still locked out; empty when it is not. */
    public Optional<Duration> lockedOut(String key, Instant now) {
        return lockedOut(store.get(key), now);
    }

    /** How long a count read before ({@link LoginFailures#get}) is still locked out; empty when it is not. */
    public static Optional<Duration> lockedOut(Optional<String> stored, Instant now) {
        return stored.flatMap(Count::parse).filter(count -> count.lockedUntil > now.toEpochMilli())
                .map(count -> Duration.ofMillis(count.lockedUntil - now.toEpochMilli()));
    }

    /**
     * Counts one failure of the key.
     *
     * @return the end of the lockout when this failure locked the key; empty otherwise (also when the
     *         key is locked already: a failure then adds nothing)
     */
    public Optional<Instant> failed(String key, int limit, Duration window, Duration lockout, Instant now) {
        long nowMillis = now.toEpochMilli();
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<String> stored = store.get(key);
            Count before = stored.flatMap(Count::parse).filter(count -> count.windowOpenAt(nowMillis, window))
                    .orElse(new Count(0, nowMillis, 0));
            if (before.lockedUntil > nowMillis) {
                return Optional.empty();
            }
            Count after = new Count(before.failures + 1, before.windowStart, before.lockedUntil);
            boolean locks = after.failures >= limit;
            if (locks) {
                after = new Count(0, nowMillis, nowMillis + lockout.toMillis());
            }
            Duration lifespan = window.plus(lockout);
            boolean written = stored.isEmpty() ? store.putIfAbsent(key, after.text(), lifespan)
                    : store.replace(key, stored.get(), after.text(), lifespan);
            if (written) {
                return locks ? Optional.of(Instant.ofEpochMilli(after.lockedUntil)) : Optional.empty();
            }
        }
        LOG.warning(() -> "event=failure-not-counted key=" + key + " reason=contention");
        return Optional.empty();
    }

    private record Count(int failures, long windowStart, long lockedUntil) {

        static Optional<Count> parse(String text) {
            String[] parts = text.split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Count(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** A count of an expired window starts again at zero; a lockout runs on regardless. */
        boolean windowOpenAt(long nowMillis, Duration window) {
            return nowMillis < windowStart + window.toMillis() || lockedUntil > nowMillis;
        }

        String text() {
            return failures + "|" + windowStart + "|" + lockedUntil;
        }
    }
}
