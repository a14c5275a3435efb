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
 * which tenants there are. Agents have no access to stored files. A supervisor limited to groups
 * reaches only the recordings and voicemails of its groups' calls ({@link #callMediaGroups}).
 */
@RequestScoped
public class StorageAccess {

    private final CallerContext callers;
    private final TenantDirectory tenants;
    private final SupervisedMedia media;

    @Inject
    public StorageAccess(CallerContext callers, TenantDirectory tenants, SupervisedMedia media) {
        this.callers = callers;
        this.tenants = tenants;
        this.media = media;
    }

    /** For CDI's proxy only. */
    protected StorageAccess() {
        this.callers = null;
        this.tenants = null;
        this.media = null;
    }

    /**
     * For recordings and voicemail: the groups whose calls' files the caller is limited to, or empty
     * when it reaches all of the tenant's (services, administrators, a supervisor of no particular
     * group, as {@code /calls} in the portal has it).
     */
    public java.util.Optional<java.util.Set<Long>> callMediaGroups(FileCategory category) {
        if (!SupervisedMedia.ofCalls(category) || callers.isService()) {
            return java.util.Optional.empty();
        }
        Caller caller = callers.caller();
        if (caller.has(Role.SYSTEM_ADMIN) || caller.has(Role.TENANT_ADMIN)) {
            return java.util.Optional.empty();
        }
        java.util.Set<Long> groups = media.groupsOf(caller.user());
        return groups.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(groups);
    }

    /** A file of a call outside the caller's groups answers like a file that does not exist. */
    public void requireReachable(TenantKey tenant, FileCategory category, String name) {
        callMediaGroups(category).filter(groups -> !media.covers(tenant, category, groups, name)).ifPresent(groups -> {
            throw StorageProblem.unknownFile(tenant, category.segment(), name);
        });
    }

    /** Recordings and voicemail of calls are written by the telephony service and administrators, not by group supervisors. */
    public void requireMayWrite(TenantKey tenant, FileCategory category) {
        if (callMediaGroups(category).isPresent()) {
            throw new NotPermitted("A supervisor of groups reads and deletes their calls' " + category.segment() + ", it does not write them", tenant);
        }
    }

    /** Of these names, those the caller may reach. */
    public java.util.List<io.verbund.acd.storage.file.FileName> reachable(TenantKey tenant, FileCategory category, String prefix,
                                                                          java.util.List<io.verbund.acd.storage.file.FileName> names) {
        java.util.Optional<java.util.Set<Long>> groups = callMediaGroups(category);
        if (groups.isEmpty()) {
            return names;
        }
        java.util.Set<String> visible = media.names(tenant, category, groups.get(), prefix);
        return names.stream().filter(name -> visible.contains(name.value())).toList();
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
