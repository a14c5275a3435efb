package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentStatus;

/**
 * An agent the distributor reserved for a caller (stored, so no other node can), and why the
 * strategy chose it. {@code ready} is the status it was reserved from: giving the reservation back
 * restores exactly that, so the agent keeps its place in "longest idle".
 */
public record Reservation(AgentStatus ready, AgentStatus reserved, GroupMembership member, String why) {

    /** The candidate as it was before this reservation, to offer to the next caller. */
    Candidate candidate() {
        return new Candidate(ready, member);
    }
}
