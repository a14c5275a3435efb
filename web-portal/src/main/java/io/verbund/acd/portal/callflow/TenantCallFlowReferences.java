package io.verbund.acd.portal.callflow;

import io.verbund.acd.callflow.CallFlowReferences;
import io.verbund.acd.callflow.SystemPrompts;
import io.verbund.acd.portal.api.AddressedTenant;
import jakarta.persistence.EntityManager;

/**
 * What a tenant's call flow may name: its ACD groups and opening hours, by name, and the system
 * prompts (tenants' own uploaded prompts join them with the storage-service).
 */
final class TenantCallFlowReferences implements CallFlowReferences {

    private final EntityManager entities;
    private final AddressedTenant tenant;

    TenantCallFlowReferences(EntityManager entities, AddressedTenant tenant) {
        this.entities = entities;
        this.tenant = tenant;
    }

    @Override
    public boolean hasPrompt(String name) {
        return SystemPrompts.has(name);
    }

    @Override
    public boolean hasGroup(String name) {
        return exists("AcdGroupEntity", name);
    }

    @Override
    public boolean hasOpeningHours(String name) {
        return exists("OpeningHoursEntity", name);
    }

    private boolean exists(String entity, String name) {
        return entities.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE e.tenantId = :tenant AND e.name = :name", Long.class)
                .setParameter("tenant", tenant.idValue()).setParameter("name", name).getSingleResult() > 0;
    }
}
