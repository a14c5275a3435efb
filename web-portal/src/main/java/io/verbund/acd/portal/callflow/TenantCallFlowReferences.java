package io.verbund.acd.portal.callflow;

import io.verbund.acd.callflow.CallFlowReferences;
import io.verbund.acd.callflow.SystemPrompts;
import io.verbund.acd.portal.api.AddressedTenant;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a tenant's call flow may name: its ACD groups and opening hours, by name, the system
 * prompts and the prompts the tenant uploaded. The uploaded ones are listed from storage-service
 * once per check, and only if the flow names a prompt that is not a system prompt.
 */
final class TenantCallFlowReferences implements CallFlowReferences {

    private final EntityManager entities;
    private final AddressedTenant tenant;
    private final Supplier<Set<String>> listUploadedPrompts;
    private Set<String> uploadedPrompts;

    TenantCallFlowReferences(EntityManager entities, AddressedTenant tenant, Supplier<Set<String>> uploadedPrompts) {
        this.entities = entities;
        this.tenant = tenant;
        this.listUploadedPrompts = uploadedPrompts;
    }

    @Override
    public boolean hasPrompt(String name) {
        if (SystemPrompts.has(name)) {
            return true;
        }
        if (uploadedPrompts == null) {
            uploadedPrompts = listUploadedPrompts.get();
        }
        return uploadedPrompts.contains(name);
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
