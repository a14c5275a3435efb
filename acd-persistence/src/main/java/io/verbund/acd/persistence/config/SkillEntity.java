package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@code skill}: something agents can do, which groups may require. */
@Entity
@Table(name = "skill")
public class SkillEntity extends TenantOwned {

    @Column(nullable = false, length = 100)
    private String name;

    protected SkillEntity() {
    }

    public SkillEntity(long tenantId, String name) {
        super(tenantId);
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
