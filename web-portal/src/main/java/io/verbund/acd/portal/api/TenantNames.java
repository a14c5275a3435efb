package io.verbund.acd.portal.api;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API names things as the contact center does (agents by extension, skills and groups by
 * name); the rows link them by id. These look-ups translate within one tenant, in one query each.
 */
public final class TenantNames {

    private TenantNames() {
    }

    public static Map<String, Long> agentIdsByExtension(EntityManager entities, Collection<String> extensions, AddressedTenant tenant) {
        return pairs(entities, "SELECT a.extension, a.id FROM AgentEntity a WHERE a.tenantId = :tenant AND a.extension IN :keys",
                extensions, tenant);
    }

    public static Map<Long, String> agentExtensionsById(EntityManager entities, Collection<Long> ids, AddressedTenant tenant) {
        return pairs(entities, "SELECT a.id, a.extension FROM AgentEntity a WHERE a.tenantId = :tenant AND a.id IN :keys", ids, tenant);
    }

    public static Map<String, Long> skillIdsByName(EntityManager entities, Collection<String> names, AddressedTenant tenant) {
        return pairs(entities, "SELECT s.name, s.id FROM SkillEntity s WHERE s.tenantId = :tenant AND s.name IN :keys", names, tenant);
    }

    public static Map<Long, String> skillNamesById(EntityManager entities, Collection<Long> ids, AddressedTenant tenant) {
        return pairs(entities, "SELECT s.id, s.name FROM SkillEntity s WHERE s.tenantId = :tenant AND s.id IN :keys", ids, tenant);
    }

    public static Map<String, Long> groupIdsByName(EntityManager entities, Collection<String> names, AddressedTenant tenant) {
        return pairs(entities, "SELECT g.name, g.id FROM AcdGroupEntity g WHERE g.tenantId = :tenant AND g.name IN :keys", names, tenant);
    }

    public static Map<Long, String> groupNamesById(EntityManager entities, Collection<Long> ids, AddressedTenant tenant) {
        return pairs(entities, "SELECT g.id, g.name FROM AcdGroupEntity g WHERE g.tenantId = :tenant AND g.id IN :keys", ids, tenant);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> pairs(EntityManager entities, String query, Collection<?> keys, AddressedTenant tenant) {
        Map<K, V> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Object[]> rows = entities.createQuery(query, Object[].class)
                .setParameter("tenant", tenant.idValue()).setParameter("keys", keys).getResultList();
        for (Object[] row : rows) {
            found.put((K) row[0], (V) row[1]);
        }
        return found;
    }
}
