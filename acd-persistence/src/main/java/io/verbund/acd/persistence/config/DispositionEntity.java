package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@code disposition}: how an agent classifies a finished call, for one group or all. */
@Entity
@Table(name = "disposition")
public class DispositionEntity extends TenantOwned {

    @Column(nullable = false, length = 32, updatable = false)
    private String code;
    @Column(nullable = false, length = 100)
    private String label;
    @Column(name = "group_id")
    private Long groupId;
    @Column(nullable = false)
    private boolean enabled = true;

    protected DispositionEntity() {
    }

    public DispositionEntity(long tenantId, String code) {
        super(tenantId);
        this.code = code;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Long getGroupId() { return groupId; }
    public void setGroupId(Long groupId) { this.groupId = groupId; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
