package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code group_skill_requirement}: a skill members of a group need, and how well. */
@Embeddable
public class SkillRequirement {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;
    @Column(name = "skill_id", nullable = false)
    private long skillId;
    @Column(name = "min_proficiency", nullable = false)
    private int minProficiency;

    protected SkillRequirement() {
    }

    public SkillRequirement(long tenantId, long skillId, int minProficiency) {
        this.tenantId = tenantId;
        this.skillId = skillId;
        this.minProficiency = minProficiency;
    }

    public long getSkillId() { return skillId; }
    public int getMinProficiency() { return minProficiency; }
}
