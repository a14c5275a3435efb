package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code agent_skill}: a skill an agent has, with its proficiency 1–5. */
@Embeddable
public class AgentSkill {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;
    @Column(name = "skill_id", nullable = false)
    private long skillId;
    @Column(nullable = false)
    private int proficiency;

    protected AgentSkill() {
    }

    public AgentSkill(long tenantId, long skillId, int proficiency) {
        this.tenantId = tenantId;
        this.skillId = skillId;
        this.proficiency = proficiency;
    }

    public long getSkillId() { return skillId; }
    public int getProficiency() { return proficiency; }
}
