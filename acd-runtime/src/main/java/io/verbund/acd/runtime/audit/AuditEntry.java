package io.verbund.acd.runtime.audit;

import io.verbund.acd.runtime.security.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One audited change.
 *
 * @param tenant        the tenant whose configuration changed; its admins see the entry
 * @param actor         who did it
 * @param occurredAt    when, from the recorder's injected clock
 * @param clientAddress where the request came from, or null when no request did
 * @param entityType    the kind of thing, as the API names it: {@code group}, {@code user}, {@code api-token}, …
 * @param entityId      which one, or null
 * @param action        what happened to it
 * @param summary       a compact JSON object of what changed ({@link AuditSummary}); never a secret
 */
public record AuditEntry(TenantId tenant, AuditActor actor, Instant occurredAt, String clientAddress, String entityType,
                         String entityId, AuditAction action, String summary) {

    /** The longest summary kept; longer ones are cut by {@link AuditSummary}. */
    public static final int SUMMARY_LENGTH = 4000;

    public AuditEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(action, "action");
        summary = summary == null || summary.isBlank() ? "{}" : summary;
        if (summary.length() > SUMMARY_LENGTH) {
            throw new IllegalArgumentException("an audit summary has at most " + SUMMARY_LENGTH + " characters");
        }
        entityId = entityId == null || entityId.length() <= 200 ? entityId : entityId.substring(0, 200);
        clientAddress = clientAddress == null || clientAddress.length() <= 64 ? clientAddress : clientAddress.substring(0, 64);
    }
}
