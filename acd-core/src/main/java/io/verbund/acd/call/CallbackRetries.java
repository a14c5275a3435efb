package io.verbund.acd.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A group's rule for callbacks whose number does not answer: how often the number is dialled at
 * most, how long after a failed attempt the callback is back in the queue (at its old place), and
 * how old a callback may grow before the group gives up on it. A group that sets nothing has
 * {@link #DEFAULT}.
 *
 * @param maxAttempts at least 1: how often the number is dialled before the group gives up
 * @param retryDelay  how long a failed callback stays out of the queue before it is offered again
 * @param maxAge      how long after the caller asked the group still tries; positive
 */
public record CallbackRetries(int maxAttempts, Duration retryDelay, Duration maxAge) {

    /** Three attempts two minutes apart, within four hours: a caller who chose a callback waits for it, not a day. */
    public static final CallbackRetries DEFAULT = new CallbackRetries(3, Duration.ofMinutes(2), Duration.ofHours(4));

    public CallbackRetries {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 10, not " + maxAttempts);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(maxAge, "maxAge");
        if (retryDelay.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("retryDelay must not be negative and maxAge must be positive");
        }
    }

    /**
     * When a callback whose attempt just failed is offered again; empty when the group gives up on
     * it: it was dialled {@link #maxAttempts()} times, or the retry would come after its
     * {@link #maxAge()}.
     *
     * @param attemptsMade how often its number was dialled, the failed attempt included
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant requestedAt, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Instant next = now.plus(retryDelay);
        return next.isAfter(requestedAt.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }

    /** Why {@link #nextAttempt} gave up, for the call's record. */
    public String whyGivenUp(int attemptsMade) {
        return attemptsMade >= maxAttempts ? attemptsMade + " attempts failed" : "older than " + maxAge.toMinutes() + " min";
    }
}
