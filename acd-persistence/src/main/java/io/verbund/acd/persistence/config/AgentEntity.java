package io.verbund.acd.persistence.config;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** {@code agent}: an agent's extension, phone credentials, user and skills. */
@Entity
@Table(name = "agent")
public class AgentEntity extends TenantOwned {

    @Column(nullable = false, length = 32, updatable = false)
    private String extension;
    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;
    @Column(name = "sip_username", nullable = false, length = 64)
    private String sipUsername;
    @Column(name = "sip_realm", nullable = false, length = 64)
    private String sipRealm = "verbund";
    @Column(name = "sip_ha1", nullable = false, length = 32)
    private String sipHa1;
    @Column(name = "user_id")
    private Long userId;
    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "agent_id"))
    private List<AgentSkill> skills = new ArrayList<>();

    protected AgentEntity() {
    }

    public AgentEntity(long tenantId, String extension) {
        super(tenantId);
        this.extension = extension;
    }

    public String getExtension() { return extension; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getSipUsername() { return sipUsername; }
    public void setSipUsername(String sipUsername) { this.sipUsername = sipUsername; }
    public String getSipRealm() { return sipRealm; }
    public void setSipRealm(String sipRealm) { this.sipRealm = sipRealm; }
    public String getSipHa1() { return sipHa1; }
    public void setSipHa1(String sipHa1) { this.sipHa1 = sipHa1; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<AgentSkill> getSkills() { return skills; }
}
