package io.verbund.acd.telephony.registrar;

import io.verbund.acd.runtime.security.FailureCounts;
import io.verbund.acd.runtime.security.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Brute-force limits on REGISTER: wrong digest answers counted per SIP user name and per source
 * address within a window; a name or an address over its limit is locked out for a while, whatever
 * it sends (even the right password: else the lockout would only slow guessing down). A name that
 * does not exist is counted and locked exactly like one that does, so the lockout tells nobody which
 * users exist.
 * <p>
 * Cluster-wide: the counts live in the replicated cache the HTTP login throttle uses
 * ({@code logins}, through {@link LoginFailures}; keys {@code sip-user:} and {@code sip-source:}),
 * so guesses spread over the nodes behind Kamailio add up. Only a failure writes (one synchronous
 * round to the other nodes); a REGISTER that is not refused reads two keys locally. The cache's
 * size bound (100 000 entries, the oldest dropped) bounds the memory.
 */
final class RegisterFailures {

    static final String USER = "sip-user:";
    static final String SOURCE = "sip-source:";

    /** The settings; see Registrar for the system properties and their defaults. */
    record Limits(int perUser, int perSource, Duration window, Duration lockout) {
    }

    private final Limits limits;
    private final FailureCounts counts;

    RegisterFailures(Limits limits, LoginFailures store) {
        this.limits = limits;
        this.counts = new FailureCounts(store);
    }

    /** How long the name or the address is still locked out; empty when neither is. */
    Optional<Duration> lockedOut(String user, String source, Instant now) {
        Optional<Duration> name = counts.lockedOut(USER + user, now);
        Optional<Duration> address = source == null ? Optional.empty() : counts.lockedOut(SOURCE + source, now);
        if (name.isPresent() && address.isPresent()) {
            return Optional.of(name.get().compareTo(address.get()) >= 0 ? name.get() : address.get());
        }
        return name.isPresent() ? name : address;
    }

    /** A wrong digest answer (or any answer for a name that does not exist) for the name from the address. */
    void failed(String user, String source, Instant now) {
        counts.failed(USER + user, limits.perUser(), limits.window(), limits.lockout(), now);
        if (source != null) {
            counts.failed(SOURCE + source, limits.perSource(), limits.window(), limits.lockout(), now);
        }
    }
}
