package io.verbund.acd.routing;

import java.time.Duration;
import java.util.Objects;

/** How much an agent has worked today: the calls it answered and how long it talked on them. */
public record AgentWorkload(int callsToday, Duration talkTimeToday) {

    /** An agent that has not answered a call yet today. */
    public static final AgentWorkload NONE = new AgentWorkload(0, Duration.ZERO);

    public AgentWorkload {
        Objects.requireNonNull(talkTimeToday, "talkTimeToday");
        if (callsToday < 0 || talkTimeToday.isNegative()) {
            throw new IllegalArgumentException("a workload cannot be negative: " + callsToday + " calls, " + talkTimeToday);
        }
    }
}
