package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;

/**
 * Who may read and who may change a tenant's configuration, once the addressed tenant is known:
 * <ul>
 * <li>change: a tenant admin in its own tenant; a system administrator or reseller in the tenant
 * it addresses ({@link TenantAddressing} has checked it may);</li>
 * <li>read: those, and a supervisor in its own tenant;</li>
 * <li>read what agents need (pause reasons, dispositions): every user of the tenant.</li>
 * </ul>
 */
public final class ConfigAccess {

    private ConfigAccess() {
    }

    public static void requireAdmin(Caller caller, AddressedTenant tenant) {
        if (!isAdmin(caller, tenant)) {
            throw new NotPermitted(PortalWords.text("denied.config-change", caller.login(), tenant.key()), tenant.key());
        }
    }

    public static void requireReader(Caller caller, AddressedTenant tenant) {
        if (!isAdmin(caller, tenant) && !(tenant.callersOwn() && caller.has(Role.SUPERVISOR))) {
            throw new NotPermitted(PortalWords.text("denied.config-read", caller.login(), tenant.key()), tenant.key());
        }
    }

    public static void requireMember(Caller caller, AddressedTenant tenant) {
        if (!isAdmin(caller, tenant) && !(tenant.callersOwn() && !caller.roles().isEmpty())) {
            throw new NotPermitted(PortalWords.text("denied.no-role", caller.login(), tenant.key()), tenant.key());
        }
    }

    public static boolean isAdmin(Caller caller, AddressedTenant tenant) {
        if (caller.has(Role.SYSTEM_ADMIN) || (caller.has(Role.RESELLER) && !tenant.callersOwn())) {
            return true;
        }
        return tenant.callersOwn() && caller.has(Role.TENANT_ADMIN);
    }
}
