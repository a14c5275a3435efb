package io.verbund.acd.portal.session;

import io.verbund.acd.runtime.problem.TooManyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #PER_LOGIN} failed logins for one login, or
 * {@link #PER_ADDRESS} from one client address, within {@link #WINDOW}, further attempts are
 * refused with 429 until the oldest failure leaves the window. A success clears its login's
 * failures. Counted per node: behind haproxy's source stickiness a client meets one node, and
 * across two nodes an attacker gains at most a factor of two.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final int PER_LOGIN = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int SIZE_LIMIT = 50_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected LoginThrottle() {
        this(null);
    }

    /** @throws TooManyRequests when the login or the address has failed too often lately */
    public void requireAllowed(String login, String address) {
        Instant now = clock.instant();
        check("login:" + login, PER_LOGIN, now, "Too many failed logins for " + login);
        check("address:" + address, PER_ADDRESS, now, "Too many failed logins from your address");
    }

    public void failed(String login, String address) {
        if (failures.size() > SIZE_LIMIT) {
            failures.clear();
        }
        Instant now = clock.instant();
        record("login:" + login, now);
        record("address:" + address, now);
    }

    public void succeeded(String login) {
        failures.remove("login:" + login);
    }

    private void check(String key, int limit, Instant now, String message) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() >= limit) {
                Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
                throw new TooManyRequests(message + "; try again in " + Math.max(1, wait.toSeconds()) + " s", wait);
            }
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !now.isBefore(times.peekFirst().plus(WINDOW))) {
            times.removeFirst();
        }
    }
}
