package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.UnknownTenant;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.storage.StorageProblem;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may touch which tenant's files. Decided on the server from the authenticated caller, never
 * from what the client claims: a tenant's administrators and supervisors act on their own tenant,
 * a system administrator and another Verbund service (service secret) on any tenant they name.
 * Another tenant's name answers exactly like a tenant that does not exist (404), so nobody learns
 * which tenants there are. Agents have no access to stored files.
 */
@RequestScoped
public class StorageAccess {

    private final CallerContext callers;
    private final TenantDirectory tenants;

    @Inject
    public StorageAccess(CallerContext callers, TenantDirectory tenants) {
        this.callers = callers;
        this.tenants = tenants;
    }

    /** For CDI's proxy only. */
    protected StorageAccess() {
        this.callers = null;
        this.tenants = null;
    }

    /** The tenant the path names, if this caller may act on it. */
    public TenantKey tenant(String named) {
        TenantKey tenant;
        try {
            tenant = new TenantKey(named);
        } catch (IllegalArgumentException e) {
            throw new UnknownTenant(named);
        }
        if (callers.isService()) {
            return existing(tenant, named);
        }
        Caller caller = callers.caller();
        if (caller.has(Role.SYSTEM_ADMIN)) {
            return existing(tenant, named);
        }
        if (!caller.tenant().equals(tenant)) {
            throw new UnknownTenant(named);
        }
        if (!caller.has(Role.TENANT_ADMIN) && !caller.has(Role.SUPERVISOR)) {
            throw new NotPermitted("Stored files are for the tenant's administrators and supervisors", tenant);
        }
        return tenant;
    }

    /** System-wide actions (running the retention sweep): system administrators and services. */
    public void requireSystem() {
        if (!callers.isService() && !callers.caller().has(Role.SYSTEM_ADMIN)) {
            throw new NotPermitted("Only a system administrator may do this", callers.caller().tenant());
        }
    }

    /** Empty for system administrators and services (they see every tenant), else the caller's tenant. */
    public java.util.Optional<TenantKey> limitedTo() {
        if (callers.isService() || callers.caller().has(Role.SYSTEM_ADMIN)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(callers.caller().tenant());
    }

    public static FileCategory category(String segment) {
        return FileCategory.ofSegment(segment).orElseThrow(() -> StorageProblem.unknownCategory(segment));
    }

    private TenantKey existing(TenantKey tenant, String named) {
        if (!tenants.exists(tenant)) {
            throw new UnknownTenant(named);
        }
        return tenant;
    }
}
