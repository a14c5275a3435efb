package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.util.Optional;

/**
 * Port: where each round-robin group stopped, shared across the cluster, so the next call goes to
 * the member after the last one offered whichever node distributes it. Two nodes offering at the
 * same moment may both write; the later one stands, and the rotation carries on from there.
 */
public interface RoundRobinCursors {

    /** The member of the group last offered a call of it, empty before the first. */
    Optional<AgentKey> lastOffered(long groupId);

    void offered(long groupId, AgentKey agent);
}
