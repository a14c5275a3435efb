package io.verbund.acd.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The wrap-up an agent is in after a call: when it ends, how long its group lets the agent extend
 * it in total, and how much of that the agent has used. Carried in the agent's shared status, so the
 * node whose timer ends the wrap-up sees an extension made through any node, and the group's
 * allowance as it was when the call ended holds for the whole wrap-up. Invariant: the extension used
 * never exceeds the allowance.
 *
 * @param ends      the wrap-up is over at this instant (a forced disposition may still hold the agent)
 * @param allowance how much the agent may extend this wrap-up in total; zero: not at all
 * @param extended  how much it has extended it so far
 */
public record WrapUpPeriod(Instant ends, Duration allowance, Duration extended) {

    /** Not in wrap-up. */
    public static final WrapUpPeriod NONE = new WrapUpPeriod(Instant.EPOCH, Duration.ZERO, Duration.ZERO);

    public WrapUpPeriod {
        Objects.requireNonNull(ends, "ends");
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(extended, "extended");
        if (allowance.isNegative() || extended.isNegative() || extended.compareTo(allowance) > 0) {
            throw new IllegalArgumentException("a wrap-up extended by " + extended + " of " + allowance + " allowed");
        }
    }

    static WrapUpPeriod starting(Instant now, Duration time, Duration allowance) {
        return new WrapUpPeriod(now.plus(time), allowance, Duration.ZERO);
    }

    /** How much longer the agent may still extend this wrap-up. */
    public Duration extensionLeft() {
        return allowance.minus(extended);
    }

    /** Whether its time is over at {@code now}. */
    public boolean isOver(Instant now) {
        return !now.isBefore(ends);
    }

    /**
     * The period {@code by} longer. From now when its time is already over (a forced disposition
     * still holds the agent): the agent asks for that much more time, not for time already gone.
     */
    WrapUpPeriod extendedBy(Duration by, Instant now) {
        Instant from = isOver(now) ? now : ends;
        return new WrapUpPeriod(from.plus(by), allowance, extended.plus(by));
    }
}
