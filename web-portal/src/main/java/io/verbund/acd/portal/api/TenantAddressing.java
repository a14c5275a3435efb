package io.verbund.acd.portal.api;

import io.verbund.acd.persistence.config.TenantEntity;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.TenantId;
import io.verbund.acd.runtime.security.UnknownTenant;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Decides which tenant a request addresses, on the server, for every request: the caller's own
 * unless it names another with {@code ?tenant=}, which a system administrator may do for any
 * tenant and a reseller for the tenants below it. Anyone else naming another tenant, and anyone
 * naming one that does not exist, gets the same 404, so no caller learns which tenants exist.
 */
@ApplicationScoped
public class TenantAddressing {

    private final EntityManager entities;

    @Inject
    public TenantAddressing(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected TenantAddressing() {
        this.entities = null;
    }

    /** The addressed tenant, whose configuration the caller may read ({@link ConfigAccess#requireReader}). */
    public AddressedTenant forReading(Caller caller, String named) {
        AddressedTenant addressed = resolve(caller, named);
        ConfigAccess.requireReader(caller, addressed);
        return addressed;
    }

    /** The addressed tenant, whose configuration the caller may change ({@link ConfigAccess#requireAdmin}). */
    public AddressedTenant forChanging(Caller caller, String named) {
        AddressedTenant addressed = resolve(caller, named);
        ConfigAccess.requireAdmin(caller, addressed);
        return addressed;
    }

    /** The addressed tenant, of which the caller is a user ({@link ConfigAccess#requireMember}). */
    public AddressedTenant forMembers(Caller caller, String named) {
        AddressedTenant addressed = resolve(caller, named);
        ConfigAccess.requireMember(caller, addressed);
        return addressed;
    }

    /** @throws UnknownTenant when the caller may not address the named tenant, or it does not exist */
    public AddressedTenant resolve(Caller caller, String named) {
        String requested = named == null ? "" : named.strip();
        if (requested.isEmpty() || requested.equals(caller.tenant().value())) {
            return new AddressedTenant(caller.tenantId(), caller.tenant(), true);
        }
        if (!caller.has(Role.SYSTEM_ADMIN) && !caller.has(Role.RESELLER)) {
            throw new UnknownTenant(requested);
        }
        List<TenantEntity> found = entities.createQuery("SELECT t FROM TenantEntity t WHERE t.tenantKey = :key", TenantEntity.class)
                .setParameter("key", requested).getResultList();
        TenantEntity tenant = found.stream()
                .filter(candidate -> caller.has(Role.SYSTEM_ADMIN) || Long.valueOf(caller.tenantId().value()).equals(candidate.getParentId()))
                .findFirst().orElseThrow(() -> new UnknownTenant(requested));
        return new AddressedTenant(new TenantId(tenant.getId()), new TenantKey(tenant.getTenantKey()), false);
    }
}
