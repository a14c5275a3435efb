package io.verbund.acd.portal.audit;

import io.verbund.acd.runtime.audit.AuditAction;
import io.verbund.acd.runtime.security.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;

/**
 * What a resource tells {@link AuditRecorder} about its write that the response does not show:
 * the document as it was before, the tenant changed when it is not the addressed one, an entity
 * id when the path does not name it, and further facts. All optional.
 */
@RequestScoped
public class AuditTrail {

    private Object before;
    private TenantId tenant;
    private String entityId;
    private JsonObject details;
    private AuditAction action;

    /** The document before the change (a replace or delete), to list the fields that changed. */
    public void before(Object document) {
        this.before = document;
    }

    /** The tenant the change belongs to, when it is not the one the request addresses (a new tenant). */
    public void tenant(TenantId tenant) {
        this.tenant = tenant;
    }

    /** The changed thing's id, when the request path does not name it. */
    public void entityId(String entityId) {
        this.entityId = entityId;
    }

    /** Further facts for the summary, e.g. what an erasure removed; no secrets. */
    public void details(JsonObject details) {
        this.details = details;
    }

    /** What happened, when the HTTP method does not say it (an erasure is a POST that deletes). */
    public void action(AuditAction action) {
        this.action = action;
    }

    AuditAction action() {
        return action;
    }

    Object before() {
        return before;
    }

    TenantId tenant() {
        return tenant;
    }

    String entityId() {
        return entityId;
    }

    JsonObject details() {
        return details;
    }
}
