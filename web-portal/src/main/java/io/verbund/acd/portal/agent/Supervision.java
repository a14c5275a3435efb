package io.verbund.acd.portal.agent;

import io.verbund.acd.runtime.agent.AgentId;
import io.verbund.acd.runtime.security.Caller;
import java.util.Set;

/** Which agents a supervisor watches and steers: the members of its ACD groups. */
@FunctionalInterface
public interface Supervision {

    /** The agents of the supervisor's own tenant it supervises; empty for a user who supervises nothing. */
    Set<AgentId> agentsSupervisedBy(Caller supervisor);
}
