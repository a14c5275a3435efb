package io.verbund.acd.routing;

import java.time.Instant;

/** Port: whether an agent's phone can be rung (it has an active registration). */
@FunctionalInterface
public interface AgentPhones {

    boolean isRegistered(GroupMembership member, Instant now);
}
