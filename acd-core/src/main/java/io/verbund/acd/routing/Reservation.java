package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentStatus;

/**
 * An agent the distributor reserved for a caller (stored, so no other node can), and why the
 * strategy chose it. {@code candidate} is the agent as it was ranked: giving the reservation back
 * restores exactly its status then, so the agent keeps its place in "longest idle".
 */
public record Reservation(Candidate candidate, AgentStatus reserved, String why) {

    /** The status the agent was reserved from. */
    public AgentStatus ready() {
        return candidate.status();
    }

    public GroupMembership member() {
        return candidate.member();
    }
}
