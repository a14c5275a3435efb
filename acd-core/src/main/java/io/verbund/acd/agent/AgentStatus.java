package io.verbund.acd.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's live status as every node sees it in the shared cache. Immutable: each change returns
 * a new status, which the cache stores with a conditional replace, so two nodes can never both
 * reserve the same agent. {@code readySince} is when the agent last became free for a call, the
 * measure of "longest idle".
 *
 * <p>While RESERVED, RINGING, ON_CALL or in WRAP_UP the status names the call and the telephony
 * node that holds it: that node's call is the agent's lease ({@link AgentLease}), and when the node
 * no longer holds the call, or has left the cluster, the agent is {@linkplain #release released}.
 * In WRAP_UP it also carries the wrap-up's end and what is left of its extension allowance
 * ({@link WrapUpPeriod}), so the node that ends the wrap-up honours an extension made through any node.
 *
 * @param reason       pause reason code while PAUSED, otherwise empty
 * @param callId       the call it is reserved for, ringing with, talking on or wrapping up
 * @param node         the telephony node holding that call
 * @param noAnswers    offers in a row the agent let ring out
 * @param blockedUntil no offers before this instant (redial delay after a rejected offer)
 * @param wrapUpPeriod while in WRAP_UP its end and extension allowance, otherwise {@link WrapUpPeriod#NONE}
 */
public record AgentStatus(AgentKey agent, AgentState state, Instant since, Instant readySince,
                          Optional<String> reason, Optional<String> callId, Optional<String> node,
                          int noAnswers, Instant blockedUntil, WrapUpPeriod wrapUpPeriod) {

    public AgentStatus {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(readySince, "readySince");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(blockedUntil, "blockedUntil");
        Objects.requireNonNull(wrapUpPeriod, "wrapUpPeriod");
    }

    /** Every agent starts here; the demo agents too. */
    public static AgentStatus loggedOut(AgentKey agent, Instant now) {
        return new AgentStatus(agent, AgentState.LOGGED_OUT, now, now, Optional.empty(), Optional.empty(), Optional.empty(),
                0, Instant.EPOCH, WrapUpPeriod.NONE);
    }

    /** Whether the routing engine may offer this agent a call now. */
    public boolean isAvailable(Instant now) {
        return state == AgentState.READY && !now.isBefore(blockedUntil);
    }

    /** Whether the agent is reserved for, ringing with, talking on or wrapping up {@code call}. */
    public boolean isEngagedWith(String call) {
        return state.isEngaged() && callId.filter(call::equals).isPresent();
    }

    public AgentStatus goReady(Instant now) {
        require(state == AgentState.LOGGED_OUT || state == AgentState.PAUSED || state == AgentState.READY
                || state == AgentState.WRAP_UP, AgentState.READY);
        if (state == AgentState.READY) {
            return this;
        }
        return free(now, now, 0, blockedUntil);
    }

    public AgentStatus pause(String reasonCode, Instant now) {
        require(state == AgentState.READY || state == AgentState.PAUSED || state == AgentState.WRAP_UP
                || state == AgentState.LOGGED_OUT, AgentState.PAUSED);
        return new AgentStatus(agent, AgentState.PAUSED, now, readySince, Optional.of(reasonCode), Optional.empty(), Optional.empty(),
                noAnswers, blockedUntil, WrapUpPeriod.NONE);
    }

    public AgentStatus logOut(Instant now) {
        require(!state.isEngaged() || state == AgentState.WRAP_UP, AgentState.LOGGED_OUT);
        return new AgentStatus(agent, AgentState.LOGGED_OUT, now, readySince, Optional.empty(), Optional.empty(), Optional.empty(),
                0, Instant.EPOCH, WrapUpPeriod.NONE);
    }

    /**
     * A supervisor or admin sets the agent's state whatever it is now, also while it is reserved,
     * ringing or on a call: the node holding that call sees that the agent is no longer
     * {@linkplain #isEngagedWith engaged with it} and withdraws the offer or ends the call ({@link AgentLease}).
     *
     * @param target LOGGED_OUT, READY or PAUSED
     * @param reasonCode the pause reason, with PAUSED only
     */
    public AgentStatus force(AgentState target, Optional<String> reasonCode, Instant now) {
        if (!target.isRequestable() || reasonCode.isPresent() != (target == AgentState.PAUSED)) {
            throw new IllegalArgumentException("cannot force " + target + reasonCode.map(r -> " (" + r + ")").orElse(""));
        }
        if (state == target && reason.equals(reasonCode)) {
            return this;
        }
        return switch (target) {
            case LOGGED_OUT -> new AgentStatus(agent, AgentState.LOGGED_OUT, now, readySince, Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, Instant.EPOCH, WrapUpPeriod.NONE);
            case PAUSED -> new AgentStatus(agent, AgentState.PAUSED, now, readySince, reasonCode, Optional.empty(), Optional.empty(),
                    noAnswers, blockedUntil, WrapUpPeriod.NONE);
            default -> free(now, state == AgentState.READY ? readySince : now, 0, blockedUntil);
        };
    }

    /** Claims the agent for one call held by {@code holdingNode}; stored with a conditional replace so only one node wins. */
    public AgentStatus reserve(String forCall, String holdingNode, Instant now) {
        require(isAvailable(now), AgentState.RESERVED);
        return new AgentStatus(agent, AgentState.RESERVED, now, readySince, Optional.empty(), Optional.of(forCall),
                Optional.of(holdingNode), noAnswers, blockedUntil, WrapUpPeriod.NONE);
    }

    public AgentStatus ring(Instant now) {
        require(state == AgentState.RESERVED, AgentState.RINGING);
        return new AgentStatus(agent, AgentState.RINGING, now, readySince, reason, callId, node, noAnswers, blockedUntil, WrapUpPeriod.NONE);
    }

    public AgentStatus answer(Instant now) {
        require(state == AgentState.RINGING || state == AgentState.RESERVED, AgentState.ON_CALL);
        return new AgentStatus(agent, AgentState.ON_CALL, now, readySince, reason, callId, node, 0, blockedUntil, WrapUpPeriod.NONE);
    }

    /**
     * The agent's call went on at another node ({@code takingNode}) after its node left the cluster:
     * the agent talks on, on the same call since the same moment; only the lease's node changes.
     */
    public AgentStatus callMovedTo(String call, String takingNode, Instant now) {
        require(state == AgentState.ON_CALL && callId.equals(Optional.of(call)), AgentState.ON_CALL);
        return new AgentStatus(agent, state, since, readySince, reason, callId, Optional.of(takingNode), noAnswers, blockedUntil, wrapUpPeriod);
    }

    /**
     * The call ended: wrap-up for the group's time, or straight back to READY when it has none.
     *
     * @param extensionSeconds how much longer the agent may extend the wrap-up in total
     */
    public AgentStatus endCall(long wrapUpSeconds, long extensionSeconds, Instant now) {
        require(state == AgentState.ON_CALL, AgentState.WRAP_UP);
        if (wrapUpSeconds <= 0) {
            return free(now, now, 0, blockedUntil);
        }
        return new AgentStatus(agent, AgentState.WRAP_UP, now, readySince, Optional.empty(), callId, node, 0, blockedUntil,
                WrapUpPeriod.starting(now, Duration.ofSeconds(wrapUpSeconds), Duration.ofSeconds(Math.max(0, extensionSeconds))));
    }

    /**
     * The agent takes {@code by} more wrap-up time, within what its group allows in total for the
     * call; the wrap-up timer then leaves it in wrap-up until the new end.
     *
     * @throws WrapUpExtensionRefused when the agent is not in wrap-up, the group allows no extension,
     *         or less than {@code by} is left of its allowance
     */
    public AgentStatus extendWrapUp(Duration by, Instant now) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("a wrap-up is extended by some time, not " + by);
        }
        if (state != AgentState.WRAP_UP) {
            throw new WrapUpExtensionRefused(agent, WrapUpExtensionRefused.Why.NOT_IN_WRAP_UP, state, by, Duration.ZERO);
        }
        if (wrapUpPeriod.allowance().isZero()) {
            throw new WrapUpExtensionRefused(agent, WrapUpExtensionRefused.Why.NOT_ALLOWED, state, by, Duration.ZERO);
        }
        if (by.compareTo(wrapUpPeriod.extensionLeft()) > 0) {
            throw new WrapUpExtensionRefused(agent, WrapUpExtensionRefused.Why.ALLOWANCE_USED_UP, state, by,
                    wrapUpPeriod.extensionLeft());
        }
        return new AgentStatus(agent, state, since, readySince, reason, callId, node, noAnswers, blockedUntil,
                wrapUpPeriod.extendedBy(by, now));
    }

    /**
     * The offer was not taken (no answer, busy, rejected, caller gone). The agent is free again;
     * a no-answer counts toward the group's limit, after which the agent is paused with reason
     * {@code NO_ANSWER}; {@code delaySeconds} keeps the next offer away for a moment.
     */
    public AgentStatus offerNotTaken(boolean noAnswer, int maxNoAnswers, long delaySeconds, Instant now) {
        require(state == AgentState.RESERVED || state == AgentState.RINGING, AgentState.READY);
        int count = noAnswer ? noAnswers + 1 : noAnswers;
        Instant blocked = delaySeconds > 0 ? now.plusSeconds(delaySeconds) : blockedUntil;
        if (noAnswer && maxNoAnswers > 0 && count >= maxNoAnswers) {
            return new AgentStatus(agent, AgentState.PAUSED, now, readySince, Optional.of("NO_ANSWER"), Optional.empty(), Optional.empty(),
                    count, blocked, WrapUpPeriod.NONE);
        }
        return free(now, readySince, count, blocked);
    }

    /**
     * The agent's lease on its call ended without the call path ending it: the call is gone, its
     * phone unregistered, its node left, or the caller never acknowledged the answer. An offer that
     * ends so is not the agent's fault (no no-answer is counted); an agent who talked starts idling now.
     */
    public AgentStatus release(Instant now) {
        require(state == AgentState.RESERVED || state == AgentState.RINGING || state == AgentState.ON_CALL
                || state == AgentState.WRAP_UP, AgentState.READY);
        boolean talked = state == AgentState.ON_CALL || state == AgentState.WRAP_UP;
        return free(now, talked ? now : readySince, talked ? 0 : noAnswers, blockedUntil);
    }

    private AgentStatus free(Instant now, Instant idleSince, int misses, Instant blocked) {
        return new AgentStatus(agent, AgentState.READY, now, idleSince, Optional.empty(), Optional.empty(), Optional.empty(),
                misses, blocked, WrapUpPeriod.NONE);
    }

    private void require(boolean allowed, AgentState target) {
        if (!allowed) {
            throw new IllegalAgentTransition(agent, state, target);
        }
    }
}
