package io.verbund.acd.persistence.config;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code app_user} with its roles ({@code user_role}) and the groups a supervisor is narrowed to. */
@Entity
@Table(name = "app_user")
public class UserEntity extends TenantOwned {

    @Column(nullable = false, length = 120, updatable = false)
    private String login;
    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;
    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;
    @Column(length = 16)
    private String locale;
    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 16)
    private Set<String> roles = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "supervisor_group", joinColumns = @JoinColumn(name = "user_id"))
    private java.util.List<SupervisedGroup> supervisedGroups = new java.util.ArrayList<>();

    protected UserEntity() {
    }

    public UserEntity(long tenantId, String login) {
        super(tenantId);
        this.login = login;
    }

    public String getLogin() { return login; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Set<String> getRoles() { return roles; }
    public java.util.List<SupervisedGroup> getSupervisedGroups() { return supervisedGroups; }
}
