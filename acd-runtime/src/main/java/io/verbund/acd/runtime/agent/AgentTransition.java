package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentStatus;
import java.time.Instant;

/**
 * One change of an agent's status, computed from the status it finds, e.g.
 * {@code (status, now) -> status.goReady(now)}. It may run more than once when another node
 * changed the agent in between, so it must not have side effects. Returning the given status
 * itself means "nothing to change".
 */
@FunctionalInterface
public interface AgentTransition {

    /** @throws io.verbund.acd.agent.IllegalAgentTransition when {@code current} does not allow the change */
    AgentStatus applyTo(AgentStatus current, Instant now);
}
