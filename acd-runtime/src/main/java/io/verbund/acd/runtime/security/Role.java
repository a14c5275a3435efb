package io.verbund.acd.runtime.security;

/** The roles of {@code user_role.role}; a user may hold several. */
public enum Role {
    /** Runs the platform; reaches another tenant only by naming it. */
    SYSTEM_ADMIN,
    /** Owns tenants below it. */
    RESELLER,
    /** Configures its own tenant and may act on every agent of it. */
    TENANT_ADMIN,
    /** Watches and steers the agents of its ACD groups. */
    SUPERVISOR,
    /** Works as one agent: its own extension only. */
    AGENT
}
