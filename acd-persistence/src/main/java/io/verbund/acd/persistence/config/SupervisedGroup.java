package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code supervisor_group}: narrows a supervisor to this group. */
@Embeddable
public class SupervisedGroup {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;
    @Column(name = "group_id", nullable = false)
    private long groupId;

    protected SupervisedGroup() {
    }

    public SupervisedGroup(long tenantId, long groupId) {
        this.tenantId = tenantId;
        this.groupId = groupId;
    }

    public long getGroupId() { return groupId; }
}
