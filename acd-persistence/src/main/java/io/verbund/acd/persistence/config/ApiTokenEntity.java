package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** {@code api_token}: an integrator's token, kept as its SHA-256 only. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity extends TenantOwned {

    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "token_prefix", nullable = false, length = 12, updatable = false)
    private String tokenPrefix;
    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;
    @Column(nullable = false, length = 400)
    private String scopes;
    @Column(name = "created_by", updatable = false)
    private Long createdBy;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected ApiTokenEntity() {
    }

    public ApiTokenEntity(long tenantId, String name, String tokenPrefix, String tokenHash, Long createdBy) {
        super(tenantId);
        this.name = name;
        this.tokenPrefix = tokenPrefix;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTokenPrefix() { return tokenPrefix; }
    public String getScopes() { return scopes; }
    public void setScopes(String scopes) { this.scopes = scopes; }
    public Long getCreatedBy() { return createdBy; }
    public Instant getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
}
