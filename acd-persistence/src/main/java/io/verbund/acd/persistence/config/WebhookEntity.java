package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** {@code webhook}: where a tenant's events are POSTed, signed with its secret. */
@Entity
@Table(name = "webhook")
public class WebhookEntity extends TenantOwned {

    @Column(nullable = false, length = 100)
    private String name;
    @Column(nullable = false, length = 2000)
    private String url;
    @Column(nullable = false, length = 100, updatable = false)
    private String secret;
    @Column(nullable = false, length = 400)
    private String events;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "last_status", length = 200, insertable = false, updatable = false)
    private String lastStatus;
    @Column(name = "last_attempt_at", insertable = false, updatable = false)
    private Instant lastAttemptAt;

    protected WebhookEntity() {
    }

    public WebhookEntity(long tenantId, String secret) {
        super(tenantId);
        this.secret = secret;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getSecret() { return secret; }
    public String getEvents() { return events; }
    public void setEvents(String events) { this.events = events; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getLastStatus() { return lastStatus; }
    public Instant getLastAttemptAt() { return lastAttemptAt; }
}
