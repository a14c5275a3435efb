package io.verbund.acd.agent;

import java.time.Duration;
import java.time.Instant;

/**
 * An ACD group's wrap-up after a call: how long the agent stays in WRAP_UP, and whether it must give
 * the call a disposition first (forced disposition). A group with forced disposition keeps its agents
 * in wrap-up at least a moment even when it has no wrap-up time, so the desktop can ask for the
 * disposition; the wrap-up then lasts until one is given.
 */
public record WrapUp(Duration time, boolean dispositionRequired) {

    /** No wrap-up: the agent is READY the moment its call ends (a transfer target without a group). */
    public static final WrapUp NONE = new WrapUp(Duration.ZERO, false);

    public WrapUp {
        if (time.isNegative()) {
            throw new IllegalArgumentException("a wrap-up time cannot be negative: " + time);
        }
        if (dispositionRequired && time.isZero()) {
            throw new IllegalArgumentException("a wrap-up that needs a disposition needs a time to ask for it");
        }
    }

    /** The group's settings as an admin gives them: seconds (0 for none) and forced disposition. */
    public static WrapUp of(int groupSeconds, boolean forcedDisposition) {
        int seconds = Math.max(0, groupSeconds);
        return new WrapUp(Duration.ofSeconds(forcedDisposition ? Math.max(1, seconds) : seconds), forcedDisposition);
    }

    /** Whether the agent stays in wrap-up at all; without, it is READY at the call's end. */
    public boolean hasTime() {
        return !time.isZero();
    }

    /** The call ended: the agent goes to wrap-up, or straight back to READY. */
    public AgentStatus callEnded(AgentStatus onCall, Instant now) {
        return onCall.endCall(time.toSeconds(), now);
    }

    /**
     * The wrap-up time of {@code call} is over: the agent is READY, unless a disposition is still
     * missing (the wrap-up lasts until the agent gives it) or the agent already moved on (ended its
     * wrap-up itself, logged out, or has another call).
     */
    public AgentStatus timeUp(AgentStatus status, String call, boolean dispositionGiven, Instant now) {
        boolean stillInThisWrapUp = status.state() == AgentState.WRAP_UP && status.callId().filter(call::equals).isPresent();
        if (!stillInThisWrapUp || (dispositionRequired && !dispositionGiven)) {
            return status;
        }
        return status.goReady(now);
    }
}
