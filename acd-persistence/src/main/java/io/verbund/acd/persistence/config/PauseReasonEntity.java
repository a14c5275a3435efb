package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@code pause_reason}: why an agent may pause. */
@Entity
@Table(name = "pause_reason")
public class PauseReasonEntity extends TenantOwned {

    @Column(nullable = false, length = 32, updatable = false)
    private String code;
    @Column(nullable = false, length = 100)
    private String label;
    @Column(nullable = false)
    private boolean paid = true;
    @Column(name = "max_seconds")
    private Integer maxSeconds;
    @Column(name = "set_by_system", nullable = false, updatable = false)
    private boolean setBySystem;
    @Column(nullable = false)
    private boolean enabled = true;

    protected PauseReasonEntity() {
    }

    public PauseReasonEntity(long tenantId, String code) {
        super(tenantId);
        this.code = code;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public boolean isPaid() { return paid; }
    public void setPaid(boolean paid) { this.paid = paid; }
    public Integer getMaxSeconds() { return maxSeconds; }
    public void setMaxSeconds(Integer maxSeconds) { this.maxSeconds = maxSeconds; }
    public boolean isSetBySystem() { return setBySystem; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
