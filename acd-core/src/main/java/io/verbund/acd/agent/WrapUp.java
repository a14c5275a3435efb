package io.verbund.acd.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An ACD group's wrap-up after a call: how long the agent stays in WRAP_UP, whether it must give
 * the call a disposition first (forced disposition), and how much longer the agent may extend it in
 * total. A group with forced disposition keeps its agents in wrap-up at least a moment even when it
 * has no wrap-up time, so the desktop can ask for the disposition; the wrap-up then lasts until one
 * is given. A group without wrap-up time has nothing to extend: its agents are READY at the call's end.
 *
 * @param extensionAllowance how much longer in total an agent may extend its wrap-up of one call
 */
public record WrapUp(Duration time, boolean dispositionRequired, Duration extensionAllowance) {

    /** No wrap-up: the agent is READY the moment its call ends (a transfer target without a group). */
    public static final WrapUp NONE = new WrapUp(Duration.ZERO, false, Duration.ZERO);

    public WrapUp {
        if (time.isNegative()) {
            throw new IllegalArgumentException("a wrap-up time cannot be negative: " + time);
        }
        if (dispositionRequired && time.isZero()) {
            throw new IllegalArgumentException("a wrap-up that needs a disposition needs a time to ask for it");
        }
        if (extensionAllowance.isNegative()) {
            throw new IllegalArgumentException("a wrap-up extension allowance cannot be negative: " + extensionAllowance);
        }
    }

    /**
     * The group's settings as an admin gives them: seconds (0 for none), forced disposition, and the
     * seconds an agent may extend its wrap-up by in total (0: not at all).
     */
    public static WrapUp of(int groupSeconds, boolean forcedDisposition, int extensionSeconds) {
        int seconds = Math.max(0, groupSeconds);
        return new WrapUp(Duration.ofSeconds(forcedDisposition ? Math.max(1, seconds) : seconds), forcedDisposition,
                Duration.ofSeconds(Math.max(0, extensionSeconds)));
    }

    /** Whether the agent stays in wrap-up at all; without, it is READY at the call's end. */
    public boolean hasTime() {
        return !time.isZero();
    }

    /** The call ended: the agent goes to wrap-up, or straight back to READY. */
    public AgentStatus callEnded(AgentStatus onCall, Instant now) {
        return onCall.endCall(time.toSeconds(), extensionAllowance.toSeconds(), now);
    }

    /**
     * The wrap-up time of {@code call} is over: the agent is READY, unless the agent extended it (the
     * timer looks again at {@link #extendedUntil}), a disposition is still missing (the wrap-up lasts
     * until the agent gives it) or the agent already moved on (ended its wrap-up itself, logged out,
     * or has another call).
     */
    public AgentStatus timeUp(AgentStatus status, String call, boolean dispositionGiven, Instant now) {
        if (!inWrapUpOf(status, call) || !status.wrapUpPeriod().isOver(now) || (dispositionRequired && !dispositionGiven)) {
            return status;
        }
        return status.goReady(now);
    }

    /**
     * When the timer must look again: the wrap-up of {@code call} lasts beyond {@code now}, because
     * the agent extended it or the timer came a moment early. Judged at the instant {@link #timeUp}
     * was, so every wrap-up is either ended or looked at again.
     */
    public Optional<Instant> extendedUntil(AgentStatus status, String call, Instant now) {
        return inWrapUpOf(status, call) && !status.wrapUpPeriod().isOver(now) ? Optional.of(status.wrapUpPeriod().ends())
                : Optional.empty();
    }

    private static boolean inWrapUpOf(AgentStatus status, String call) {
        return status.state() == AgentState.WRAP_UP && status.callId().filter(call::equals).isPresent();
    }
}
