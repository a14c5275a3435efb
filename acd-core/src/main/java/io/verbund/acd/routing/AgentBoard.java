package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import java.time.Instant;

/** Port: the agents' live statuses as the whole cluster shares them. */
public interface AgentBoard {

    /** The status as this node last saw it (logged out when unknown); it may be a moment behind. */
    AgentStatus current(AgentKey agent, Instant now);

    /**
     * Stores {@code next} only if the agent's status is exactly {@code expected}, atomically across
     * the cluster: of two nodes reserving one agent from the same view, one wins.
     */
    boolean compareAndSet(AgentStatus expected, AgentStatus next);
}
