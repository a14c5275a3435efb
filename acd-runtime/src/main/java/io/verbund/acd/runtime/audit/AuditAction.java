package io.verbund.acd.runtime.audit;

/** What happened to the audited thing. */
public enum AuditAction {
    CREATED,
    CHANGED,
    DELETED,
    /** A security event that changes no configuration: a lockout, a refused login, an erasure's proof. */
    SECURITY
}
