package io.verbund.acd.portal.audit;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One audit entry as {@code GET /api/v1/audit} answers it.
 *
 * @param actorKind USER, TOKEN, SERVICE or SYSTEM
 * @param actorName the login, or {@code token:<name>}
 * @param summary   what changed: {@code changed} fields with {@code from} and {@code to}, {@code created},
 *                  {@code deleted}, {@code secretsSet} (names only), and facts such as an erasure's counts
 */
public record AuditEventDocument(long id, String tenant, Instant occurredAt, String actorKind, Long actorId, String actorName,
                                 String actorRoles, String clientAddress, String entityType, String entityId, String action,
                                 JsonObject summary) {
}
