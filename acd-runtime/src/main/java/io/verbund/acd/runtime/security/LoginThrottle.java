package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.runtime.problem.TooManyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Slows password guessing down, per account and per client address, across the cluster: after
 * {@link LoginSettings#accountFailures()} failed checks of one login, or
 * {@link LoginSettings#sourceFailures()} from one address, within {@link LoginSettings#window()},
 * that login or address is refused with 429 and {@code Retry-After} for
 * {@link LoginSettings#lockout()}, the right password included. A refused attempt never reaches
 * PBKDF2 (~0.2 s of CPU each), so a locked-out flood costs a node a cache read per request. A
 * success clears its login's count (not the address's: one address may try many logins).
 *
 * <p>Each count is one string {@code failures|windowStartMillis|lockedUntilMillis} under
 * {@code account:<login>} or {@code source:<address>}, written with conditional replaces so that
 * concurrent failures on several nodes are all counted.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final int WRITE_ATTEMPTS = 8;

    private final LoginFailures store;
    private final LoginSettings settings;
    private final Clock clock;
    private final Consumer<LoginLockedOut> lockouts;

    @Inject
    public LoginThrottle(LoginFailures store, Clock clock, Event<LoginLockedOut> lockouts) {
        this(store, LoginSettings.fromSystemProperties(), clock, lockouts::fire);
    }

    public LoginThrottle(LoginFailures store, LoginSettings settings, Clock clock, Consumer<LoginLockedOut> lockouts) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.lockouts = lockouts;
    }

    /** For CDI's proxy only. */
    protected LoginThrottle() {
        this.store = null;
        this.settings = null;
        this.clock = null;
        this.lockouts = null;
    }

    /**
     * Runs the password check unless the login or the address is locked out, and counts its outcome.
     *
     * @param source the client's address ({@link ClientAddress})
     * @throws TooManyRequests  when either is locked out; the check has not run
     * @throws NotAuthenticated when the check refused the credentials (counted)
     */
    public Caller attempt(String login, String source, Supplier<Caller> check) {
        Instant now = clock.instant();
        String account = accountKey(login);
        String address = sourceKey(source);
        requireOpen(address, now, "Too many failed logins from your address");
        requireOpen(account, now, "Too many failed logins for this account");
        Caller caller;
        try {
            caller = check.get();
        } catch (NotAuthenticated refused) {
            failed(LoginLockedOut.Kind.ACCOUNT, account, login, source, settings.accountFailures(), now);
            failed(LoginLockedOut.Kind.SOURCE, address, source, source, settings.sourceFailures(), now);
            throw refused;
        }
        // Basic clients succeed on every request: only a count that exists costs a cluster write.
        if (store.get(account).isPresent()) {
            store.remove(account);
        }
        return caller;
    }

    private void requireOpen(String key, Instant now, String message) {
        Optional<Count> count = store.get(key).flatMap(Count::parse);
        if (count.isPresent() && count.get().lockedAt(now)) {
            Duration wait = Duration.ofMillis(count.get().lockedUntil - now.toEpochMilli());
            throw new TooManyRequests(message + "; try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait);
        }
    }

    private void failed(LoginLockedOut.Kind kind, String key, String subject, String source, int limit, Instant now) {
        long nowMillis = now.toEpochMilli();
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<String> stored = store.get(key);
            Count before = stored.flatMap(Count::parse).filter(count -> count.windowOpenAt(nowMillis, settings.window()))
                    .orElse(new Count(0, nowMillis, 0));
            Count after = new Count(before.failures + 1, before.windowStart, before.lockedUntil);
            boolean locks = after.failures >= limit;
            if (locks) {
                after = new Count(0, nowMillis, nowMillis + settings.lockout().toMillis());
            }
            Duration lifespan = settings.window().plus(settings.lockout());
            boolean written = stored.isEmpty() ? store.putIfAbsent(key, after.text(), lifespan)
                    : store.replace(key, stored.get(), after.text(), lifespan);
            if (written) {
                if (locks) {
                    lockedOut(new LoginLockedOut(kind, subject.toLowerCase(Locale.ROOT), source, limit,
                            Instant.ofEpochMilli(after.lockedUntil)));
                }
                return;
            }
        }
        LOG.warning(() -> "event=login-failure-not-counted key=" + key + " reason=contention");
    }

    private void lockedOut(LoginLockedOut event) {
        LOG.warning(() -> "event=login-locked-out kind=" + event.kind() + " subject=" + event.subject() + " source="
                + event.source() + " failures=" + event.failures() + " until=" + event.until());
        try {
            lockouts.accept(event);
        } catch (RuntimeException e) {
            LOG.warning(() -> "event=login-lockout-observer-failed reason=\"" + e + "\"");
        }
    }

    /** Logins are compared case-insensitively by the database, so their counts are too. */
    static String accountKey(String login) {
        return "account:" + login.strip().toLowerCase(Locale.ROOT);
    }

    static String sourceKey(String source) {
        return "source:" + source;
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

        boolean lockedAt(Instant now) {
            return lockedUntil > now.toEpochMilli();
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
