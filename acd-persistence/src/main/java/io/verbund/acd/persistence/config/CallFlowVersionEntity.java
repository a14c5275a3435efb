package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code call_flow_version}: one published graph of a call flow; never changed once written. */
@Entity
@Table(name = "call_flow_version")
public class CallFlowVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;
    @Column(name = "call_flow_id", nullable = false, updatable = false)
    private long callFlowId;
    @Column(nullable = false, updatable = false)
    private int version;
    @Lob
    @Column(nullable = false, updatable = false, columnDefinition = "LONGTEXT")
    private String graph;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", updatable = false)
    private Long createdBy;

    protected CallFlowVersionEntity() {
    }

    public CallFlowVersionEntity(long tenantId, long callFlowId, int version, String graph, Long createdBy) {
        this.tenantId = tenantId;
        this.callFlowId = callFlowId;
        this.version = version;
        this.graph = graph;
        this.createdBy = createdBy;
    }

    @PrePersist
    void created() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public long getCallFlowId() { return callFlowId; }
    public int getVersion() { return version; }
    public String getGraph() { return graph; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getCreatedBy() { return createdBy; }
}
