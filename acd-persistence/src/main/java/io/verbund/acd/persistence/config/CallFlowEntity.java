package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@code call_flow}: a named call flow and which of its versions new calls run. */
@Entity
@Table(name = "call_flow")
public class CallFlowEntity extends TenantOwned {

    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "current_version")
    private Integer currentVersion;

    protected CallFlowEntity() {
    }

    public CallFlowEntity(long tenantId, String name) {
        super(tenantId);
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getCurrentVersion() { return currentVersion; }
    public void setCurrentVersion(Integer currentVersion) { this.currentVersion = currentVersion; }
}
