package io.verbund.acd.runtime.security;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.tenant.TenantKey;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user behind one API request. Immutable, so a remembered verification can be
 * handed to many requests.
 *
 * @param user     the user's id
 * @param login    the login as stored, e.g. {@code agent1001@demo}
 * @param tenant   the tenant the user belongs to; every query is scoped by it unless a system
 *                 administrator names another
 * @param tenantId the same tenant's database id
 * @param roles    never empty for a user who may do anything
 * @param agent    the agent this user works as, if any
 */
public record Caller(UserId user, String login, TenantKey tenant, TenantId tenantId, Set<Role> roles,
                     Optional<AgentKey> agent) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(tenantId, "tenantId");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        Objects.requireNonNull(agent, "agent");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Login and tenant, never anything secret: fit for a log line. */
    @Override
    public String toString() {
        return login + " (" + tenant + ", " + roles + ")";
    }
}
