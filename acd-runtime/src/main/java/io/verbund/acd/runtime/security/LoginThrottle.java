package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.runtime.problem.TooManyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Slows password guessing down across the cluster without letting anyone who knows a login keep its
 * owner out. Three counts of failed checks within {@link LoginSettings#window()}, each locking for
 * {@link LoginSettings#lockout()} (429 with {@code Retry-After}, the right password included):
 * <ul>
 * <li>per account <em>and</em> client address ({@link LoginSettings#accountSourceFailures()}, 10):
 *     locks that account for that address only; whoever guesses from elsewhere does not lock the
 *     owner out;</li>
 * <li>per client address over all accounts ({@link LoginSettings#sourceFailures()}, 30): one
 *     address trying many logins;</li>
 * <li>per account over all addresses ({@link LoginSettings#accountFailures()}, 50): a botnet
 *     guessing one account from many addresses. This lock holds only for addresses that have not
 *     logged in to the account successfully within {@link LoginSettings#knownAddressLifetime()}
 *     (the account's <em>known addresses</em>, kept like the counts): the owner's office or home
 *     still gets in while strangers are refused, as the commercial "smart lockout"s do.</li>
 * </ul>
 * A refused attempt never reaches PBKDF2 (~0.2 s of CPU each), so a locked-out flood costs a node
 * cache reads. A success clears its (account, address) count; the account-wide count runs out with
 * its window (a success must not hand a botnet a fresh allowance).
 *
 * <p>The counts ({@link FailureCounts}) are under {@code account:<login>},
 * {@code pair:<address>|<login>} and {@code source:<address>}; the known
 * addresses are {@code known:<login>} = {@code address=millis,...} (at most
 * {@value #KNOWN_ADDRESSES}, the oldest dropped). Reads are local (replicated cache); a success
 * writes only when it clears a count or its address is new or was last recorded over a day ago, so
 * an HTTP Basic client that succeeds on every request costs no cluster write.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final int WRITE_ATTEMPTS = 8;
    private static final String ACCOUNT = "account:";
    private static final String KNOWN = "known:";
    static final int KNOWN_ADDRESSES = 10;
    /** How stale a known address's time may get before a success records it again (one write a day). */
    private static final Duration KNOWN_REFRESH = Duration.ofDays(1);

    private final LoginFailures store;
    private final FailureCounts counts;
    private final LoginSettings settings;
    private final Clock clock;
    private final Consumer<LoginLockedOut> lockouts;

    @Inject
    public LoginThrottle(LoginFailures store, Clock clock, Event<LoginLockedOut> lockouts) {
        this(store, LoginSettings.fromSystemProperties(), clock, lockouts::fire);
    }

    public LoginThrottle(LoginFailures store, LoginSettings settings, Clock clock, Consumer<LoginLockedOut> lockouts) {
        this.store = store;
        this.counts = new FailureCounts(store);
        this.settings = settings;
        this.clock = clock;
        this.lockouts = lockouts;
    }

    /** For CDI's proxy only. */
    protected LoginThrottle() {
        this.store = null;
        this.counts = null;
        this.settings = null;
        this.clock = null;
        this.lockouts = null;
    }

    /**
     * Runs the password check unless the login or the address is locked out, and counts its outcome.
     *
     * @param source the client's address ({@link ClientAddress})
     * @throws TooManyRequests  when a lock applies to this login from this address; the check has not run
     * @throws NotAuthenticated when the check refused the credentials (counted)
     */
    public Caller attempt(String login, String source, Supplier<Caller> check) {
        Instant now = clock.instant();
        String name = normalised(login);
        String account = ACCOUNT + name;
        String pair = pairKey(name, source);
        String address = sourceKey(source);
        requireOpen(store.get(address), now, "Too many failed logins from your address");
        Optional<String> pairCount = store.get(pair);
        requireOpen(pairCount, now, "Too many failed logins for this account from your address");
        Optional<Duration> accountLocked = counts.lockedOut(account, now);
        if (accountLocked.isPresent() && !known(name, source, now)) {
            refuse(accountLocked.get(), "Too many failed logins for this account from addresses it is not used from");
        }
        Caller caller;
        try {
            caller = check.get();
        } catch (NotAuthenticated refused) {
            failed(LoginLockedOut.Kind.ACCOUNT_FROM_SOURCE, pair, name, source, settings.accountSourceFailures(), now);
            failed(LoginLockedOut.Kind.SOURCE, address, source, source, settings.sourceFailures(), now);
            failed(LoginLockedOut.Kind.ACCOUNT, account, name, source, settings.accountFailures(), now);
            throw refused;
        }
        if (pairCount.isPresent()) {
            store.remove(pair);
        }
        remember(name, source, now);
        return caller;
    }

    private static void requireOpen(Optional<String> stored, Instant now, String message) {
        FailureCounts.lockedOut(stored, now).ifPresent(wait -> refuse(wait, message));
    }

    private static void refuse(Duration wait, String message) {
        throw new TooManyRequests(message + "; try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait);
    }

    /** Whether the address logged in to the account successfully within the known-address lifetime. */
    private boolean known(String name, String source, Instant now) {
        long since = now.minus(settings.knownAddressLifetime()).toEpochMilli();
        Long at = KnownAddresses.parse(store.get(KNOWN + name).orElse("")).get(source);
        return at != null && at > since;
    }

    /** Records a successful address of the account, unless it was recorded within the last day. */
    private void remember(String name, String source, Instant now) {
        String key = KNOWN + name;
        long nowMillis = now.toEpochMilli();
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<String> stored = store.get(key);
            Map<String, Long> addresses = KnownAddresses.parse(stored.orElse(""));
            Long at = addresses.get(source);
            if (at != null && nowMillis - at < KNOWN_REFRESH.toMillis()) {
                return;
            }
            long oldest = nowMillis - settings.knownAddressLifetime().toMillis();
            addresses.values().removeIf(time -> time <= oldest);
            addresses.remove(source);
            addresses.put(source, nowMillis);
            while (addresses.size() > KNOWN_ADDRESSES) {
                addresses.remove(addresses.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey());
            }
            String text = KnownAddresses.text(addresses);
            boolean written = stored.isEmpty() ? store.putIfAbsent(key, text, settings.knownAddressLifetime())
                    : store.replace(key, stored.get(), text, settings.knownAddressLifetime());
            if (written) {
                return;
            }
        }
        LOG.warning(() -> "event=login-known-address-not-recorded reason=contention");
    }

    private void failed(LoginLockedOut.Kind kind, String key, String subject, String source, int limit, Instant now) {
        counts.failed(key, limit, settings.window(), settings.lockout(), now)
                .ifPresent(until -> lockedOut(new LoginLockedOut(kind, subject, source, limit, until)));
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
    static String normalised(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /** The address first: it never holds '|', so no login can make two pairs share a key. */
    static String pairKey(String name, String source) {
        return "pair:" + source + "|" + name;
    }

    static String sourceKey(String source) {
        return "source:" + source;
    }

    /** The text of an account's known addresses: {@code address=millis,...}; anything unreadable is no address. */
    private static final class KnownAddresses {

        static Map<String, Long> parse(String text) {
            Map<String, Long> addresses = new LinkedHashMap<>();
            for (String entry : text.split(",")) {
                int equals = entry.lastIndexOf('=');
                if (equals > 0) {
                    try {
                        addresses.put(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1)));
                    } catch (NumberFormatException ignored) {
                        // A damaged entry is an address not known.
                    }
                }
            }
            return addresses;
        }

        static String text(Map<String, Long> addresses) {
            StringBuilder text = new StringBuilder();
            addresses.forEach((address, at) -> text.append(text.length() == 0 ? "" : ",").append(address).append('=').append(at));
            return text.toString();
        }
    }
}
