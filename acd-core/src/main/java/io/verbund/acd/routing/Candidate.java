package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentStatus;

/**
 * An agent who could take a call of a group: its live status and its membership there (penalty,
 * lower is offered first; proficiency in the group's skill, 0 when the group needs none).
 */
public record Candidate(AgentStatus status, GroupMembership member) {

    public int penalty() {
        return member.penalty();
    }

    public int proficiency() {
        return member.proficiency();
    }
}
