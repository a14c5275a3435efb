package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code group_membership}: an agent in a group, with its penalty. */
@Embeddable
public class GroupMember {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;
    @Column(name = "agent_id", nullable = false)
    private long agentId;
    @Column(nullable = false)
    private int penalty;

    protected GroupMember() {
    }

    public GroupMember(long tenantId, long agentId, int penalty) {
        this.tenantId = tenantId;
        this.agentId = agentId;
        this.penalty = penalty;
    }

    public long getAgentId() { return agentId; }
    public int getPenalty() { return penalty; }
}
