package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code tenant}: a customer of the installation, a reseller, or the platform itself (SYSTEM). */
@Entity
@Table(name = "tenant")
public class TenantEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tenant_key", nullable = false, length = 40, updatable = false)
    private String tenantKey;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false, length = 16, updatable = false)
    private String kind = "TENANT";
    @Column(name = "parent_id")
    private Long parentId;
    @Column(name = "max_channels")
    private Integer maxChannels;
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "Europe/Berlin";
    @Column(name = "default_locale", nullable = false, length = 16)
    private String defaultLocale = "de";
    @Column(nullable = false)
    private boolean enabled = true;
    /** Space-separated patterns of the external numbers transfers may dial; null: none (TransferNumbers). */
    @Column(name = "transfer_numbers", length = 2000)
    private String transferNumbers;
    /** E.164 number outbound calls present in From; null: the tenant places no outbound calls. */
    @Column(name = "outbound_caller_id", length = 16)
    private String outboundCallerId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(nullable = false)
    private int version;

    protected TenantEntity() {
    }

    public TenantEntity(String tenantKey, String kind) {
        this.tenantKey = tenantKey;
        this.kind = kind;
    }

    @PrePersist
    void created() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void changed() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long getId() { return id; }
    public String getTenantKey() { return tenantKey; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public Integer getMaxChannels() { return maxChannels; }
    public void setMaxChannels(Integer maxChannels) { this.maxChannels = maxChannels; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getDefaultLocale() { return defaultLocale; }
    public void setDefaultLocale(String defaultLocale) { this.defaultLocale = defaultLocale; }
    public String getTransferNumbers() { return transferNumbers; }
    public void setTransferNumbers(String transferNumbers) { this.transferNumbers = transferNumbers; }
    public String getOutboundCallerId() { return outboundCallerId; }
    public void setOutboundCallerId(String outboundCallerId) { this.outboundCallerId = outboundCallerId; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public int getVersion() { return version; }
}
