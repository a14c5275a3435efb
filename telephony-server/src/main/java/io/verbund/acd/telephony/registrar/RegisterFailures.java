package io.verbund.acd.telephony.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force limits on REGISTER: wrong digest answers counted per SIP user name and per source
 * address within a window; a name or an address over its limit is locked out for a while, whatever
 * it sends (even the right password: else the lockout would only slow guessing down). A name that
 * does not exist is counted and locked exactly like one that does, so the lockout tells nobody which
 * users exist. Per node: in a cluster each node counts what reaches it.
 * <p>
 * Memory is bounded: at most {@link #MAX_TRACKED} names and addresses each; when full, entries whose
 * window and lockout are over are dropped first, then new keys are not tracked until room frees up
 * (a spray of made-up names cannot push a locked one out).
 */
final class RegisterFailures {

    static final int MAX_TRACKED = 50_000;

    /** The settings; see Registrar for the system properties and their defaults. */
    record Limits(int perUser, int perSource, Duration window, Duration lockout) {
    }

    private static final class Tally {
        Instant windowStart;
        int failures;
        Instant lockedUntil = Instant.MIN;
    }

    private final Limits limits;
    private final Map<String, Tally> users = new ConcurrentHashMap<>();
    private final Map<String, Tally> sources = new ConcurrentHashMap<>();

    RegisterFailures(Limits limits) {
        this.limits = limits;
    }

    /** How long the name or the address is still locked out; empty when neither is. */
    Optional<Duration> lockedOut(String user, String source, Instant now) {
        Instant until = later(lockedUntil(users, user), lockedUntil(sources, source));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** A wrong digest answer (or any answer for a name that does not exist) for the name from the address. */
    void failed(String user, String source, Instant now) {
        count(users, user, limits.perUser(), now);
        count(sources, source, limits.perSource(), now);
    }

    private void count(Map<String, Tally> tallies, String key, int limit, Instant now) {
        if (key == null) {
            return;
        }
        Tally tally = tallies.get(key);
        if (tally == null) {
            if (tallies.size() >= MAX_TRACKED) {
                tallies.values().removeIf(old -> isOver(old, now));
                if (tallies.size() >= MAX_TRACKED) {
                    return;
                }
            }
            tally = tallies.computeIfAbsent(key, ignored -> new Tally());
        }
        synchronized (tally) {
            if (tally.windowStart == null || Duration.between(tally.windowStart, now).compareTo(limits.window()) > 0) {
                tally.windowStart = now;
                tally.failures = 0;
            }
            tally.failures++;
            if (tally.failures >= limit) {
                tally.lockedUntil = now.plus(limits.lockout());
                tally.failures = 0;
                tally.windowStart = now;
            }
        }
    }

    private boolean isOver(Tally tally, Instant now) {
        synchronized (tally) {
            return !tally.lockedUntil.isAfter(now)
                    && (tally.windowStart == null || Duration.between(tally.windowStart, now).compareTo(limits.window()) > 0);
        }
    }

    private static Instant lockedUntil(Map<String, Tally> tallies, String key) {
        Tally tally = key == null ? null : tallies.get(key);
        if (tally == null) {
            return Instant.MIN;
        }
        synchronized (tally) {
            return tally.lockedUntil;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
