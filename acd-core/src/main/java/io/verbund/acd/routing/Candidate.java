package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentStatus;

/**
 * An agent who could take a call of a group: its live status, its membership there (penalty, lower
 * is offered first; proficiency in the group's skill, 0 when the group needs none; position in the
 * group's list) and its workload today.
 */
public record Candidate(AgentStatus status, GroupMembership member, AgentWorkload workload) {

    public int penalty() {
        return member.penalty();
    }

    public int proficiency() {
        return member.proficiency();
    }

    public int position() {
        return member.position();
    }

    public String extension() {
        return status.agent().extension();
    }
}
