/**
 * The audit log of the API: every write of an {@link io.verbund.acd.portal.audit.Audited} resource
 * is recorded by one response filter ({@link io.verbund.acd.portal.audit.AuditRecorder}), and
 * {@code GET /api/v1/audit} reads the entries back ({@link io.verbund.acd.portal.audit.AuditResource}).
 */
package io.verbund.acd.portal.audit;
