package io.verbund.acd.runtime.audit;

import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Who did it, as the audit log keeps it: never a credential.
 *
 * @param kind     how the actor authenticated
 * @param userId   {@code app_user.id}; for a token the user who made it; null for a service or the system
 * @param name     the login, {@code token:<name>} for an API token, or the service's name
 * @param roles    the roles it acted with, comma-separated
 * @param tenantId the actor's own tenant, or null
 */
public record AuditActor(Kind kind, Long userId, String name, String roles, Long tenantId) {

    /** How the actor authenticated. */
    public enum Kind { USER, TOKEN, SERVICE, SYSTEM }

    public AuditActor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        roles = roles == null ? "" : roles;
    }

    /** The caller of the current request: a user, an API token, or another service. */
    public static AuditActor of(CallerContext context) {
        if (context.isService()) {
            return new AuditActor(Kind.SERVICE, null, "service", "", null);
        }
        return of(context.caller(), context.credentials() == CallerContext.Credentials.TOKEN);
    }

    public static AuditActor of(Caller caller, boolean token) {
        String roles = caller.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        return new AuditActor(token ? Kind.TOKEN : Kind.USER, caller.user().value(), caller.login(), roles, caller.tenantId().value());
    }

    /** The platform itself, e.g. a lockout no request asked for. */
    public static AuditActor system(String name) {
        return new AuditActor(Kind.SYSTEM, null, name, "", null);
    }
}
