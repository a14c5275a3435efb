package io.verbund.acd.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an agent whose phone did not take an offer is kept from the next one, by why it did not:
 * it rang out or the user was away (no answer: 408, 480), it was busy (486, 600), it refused
 * (any other final answer: 603 Decline, 403, a 5xx of the phone), or it could not be rung because
 * its registration was gone. A busy phone is usually free again soon; a refusal often means "not
 * now"; so each has its own delay.
 */
public record RedialDelays(Duration noAnswer, Duration busy, Duration rejected, Duration unregistered) {

    public static final RedialDelays NONE = all(Duration.ZERO);

    public RedialDelays {
        for (Duration delay : new Duration[] {noAnswer, busy, rejected, unregistered}) {
            if (Objects.requireNonNull(delay, "delay").isNegative()) {
                throw new IllegalArgumentException("a redial delay cannot be negative: " + delay);
            }
        }
    }

    /** The same delay whatever the reason. */
    public static RedialDelays all(Duration delay) {
        return new RedialDelays(delay, delay, delay, delay);
    }

    /** The delay after an offer that ended with this SIP status. */
    public Duration afterStatus(int sipStatus) {
        if (OfferTerms.isNoAnswer(sipStatus)) {
            return noAnswer;
        }
        if (sipStatus == 486 || sipStatus == 600) {
            return busy;
        }
        return rejected;
    }
}
