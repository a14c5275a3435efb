package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@code service_number}: a number callers dial and the call flow it leads into. */
@Entity
@Table(name = "service_number")
public class ServiceNumberEntity extends TenantOwned {

    @Column(nullable = false, length = 16, updatable = false)
    private String number;
    @Column(name = "call_flow_id")
    private Long callFlowId;
    @Column(nullable = false, length = 200)
    private String label = "";
    @Column(name = "answer_on_queue", nullable = false)
    private boolean answerOnQueue;

    protected ServiceNumberEntity() {
    }

    public ServiceNumberEntity(long tenantId, String number) {
        super(tenantId);
        this.number = number;
    }

    public String getNumber() { return number; }
    public Long getCallFlowId() { return callFlowId; }
    public void setCallFlowId(Long callFlowId) { this.callFlowId = callFlowId; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public boolean isAnswerOnQueue() { return answerOnQueue; }
    public void setAnswerOnQueue(boolean answerOnQueue) { this.answerOnQueue = answerOnQueue; }
}
