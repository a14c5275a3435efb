package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.ReleaseReason;
import io.verbund.acd.runtime.agent.AgentLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Frees an agent whose lease on a call ended ({@link io.verbund.acd.agent.AgentLease}): stores the
 * release, logs it with the agent and the reason, adds it to the agent's history with the reason
 * as its cause (journaled on the node: a database outage does not hold the call path). The
 * agent, READY again, is offered the next caller at once: {@link CallDistribution} watches agents.
 */
@ApplicationScoped
public class AgentReleases {

    private static final Logger LOG = Logger.getLogger(AgentReleases.class.getName());

    private final AgentStates agents;
    private final Clock clock;

    @Inject
    public AgentReleases(AgentStates agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    protected AgentReleases() {
        this(null, null);
    }

    /**
     * Releases the agent from exactly the status seen (compare-and-set), so of several nodes judging
     * an agent of a departed node one wins, and a change made meanwhile is never overwritten.
     *
     * @return whether this call released it
     */
    boolean release(AgentStatus seen, ReleaseReason reason) {
        AgentStatus released = seen.release(clock.instant());
        if (!agents.compareAndSet(seen, released, reason.name())) {
            return false;
        }
        released(seen, released, reason);
        return true;
    }

    /** Releases the agent if it is still engaged with {@code callId}, whatever its status is now. */
    void release(AgentKey agent, String callId, ReleaseReason reason) {
        for (int attempt = 0; attempt < 3; attempt++) {
            AgentStatus seen = agents.current(agent, clock.instant());
            if (!seen.isEngagedWith(callId) || release(seen, reason)) {
                return;
            }
        }
    }

    /**
     * Ends a pause that ran past its reason's limit, from exactly the status seen (of several nodes
     * looking, one does it), logged and recorded with the cause PAUSE_LIMIT.
     */
    boolean endPause(AgentStatus paused, AgentStatus ready) {
        if (!agents.compareAndSet(paused, ready, "PAUSE_LIMIT")) {
            return false;
        }
        try (AgentLogContext log = AgentLogContext.of(ready.agent())) {
            LOG.info(() -> "agent " + ready.agent() + " READY again: its pause " + paused.reason().orElse("?") + " since "
                    + paused.since() + " reached the reason's limit");
        }
        return true;
    }

    private void released(AgentStatus before, AgentStatus after, ReleaseReason reason) {
        try (AgentLogContext log = AgentLogContext.of(after.agent())) {
            LOG.warning(() -> "agent " + after.agent() + " released from " + before.state() + " on call "
                    + before.callId().orElse("?") + " held by " + before.node().orElse("?") + ": " + reason);
        }
    }
}
