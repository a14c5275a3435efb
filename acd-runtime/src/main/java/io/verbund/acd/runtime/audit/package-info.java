/**
 * The audit log: who changed which configuration or security setting of a tenant, when and from
 * where ({@link io.verbund.acd.runtime.audit.AuditLog}). Entries are journaled on the recording
 * node and reach the master's {@code audit_event} table a moment later, so an acknowledged entry
 * survives an outage of the database.
 */
package io.verbund.acd.runtime.audit;
