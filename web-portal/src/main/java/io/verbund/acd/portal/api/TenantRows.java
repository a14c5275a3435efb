package io.verbund.acd.portal.api;

import io.verbund.acd.persistence.config.TenantOwned;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Reads of tenant-owned rows that cannot forget the tenant: every query here has it in its WHERE
 * clause, and a row found by id that belongs to another tenant is reported as missing.
 */
public final class TenantRows {

    private TenantRows() {
    }

    public static <T extends TenantOwned> Optional<T> find(EntityManager entities, Class<T> type, long id, AddressedTenant tenant) {
        T row = entities.find(type, id);
        return row != null && row.getTenantId() == tenant.idValue() ? Optional.of(row) : Optional.empty();
    }

    /**
     * A page of the tenant's rows whose {@code field} contains the filter text (any case), ordered by
     * that field. {@code field} is a name from our code, never from the request.
     */
    public static <T extends TenantOwned> Page<T> page(EntityManager entities, Class<T> type, String field, String filter,
                                                       PageRequest page, AddressedTenant tenant) {
        String where = " FROM " + type.getSimpleName() + " e WHERE e.tenantId = :tenant"
                + " AND LOWER(e." + field + ") LIKE LOWER(:filter) ESCAPE '\\'";
        long total = entities.createQuery("SELECT COUNT(e)" + where, Long.class)
                .setParameter("tenant", tenant.idValue()).setParameter("filter", PageRequest.containing(filter))
                .getSingleResult();
        List<T> rows = entities.createQuery("SELECT e" + where + " ORDER BY e." + field + ", e.id", type)
                .setParameter("tenant", tenant.idValue()).setParameter("filter", PageRequest.containing(filter))
                .setFirstResult(page.offset()).setMaxResults(page.limit())
                .getResultList();
        return new Page<>(rows, total, page.offset(), page.limit());
    }

    /** Whether another row of the tenant (not {@code exceptId}) has this value in {@code field}. */
    public static boolean taken(EntityManager entities, Class<? extends TenantOwned> type, String field, Object value,
                                Long exceptId, AddressedTenant tenant) {
        return entities.createQuery("SELECT COUNT(e) FROM " + type.getSimpleName() + " e WHERE e.tenantId = :tenant AND e."
                        + field + " = :value AND e.id <> :except", Long.class)
                .setParameter("tenant", tenant.idValue()).setParameter("value", value)
                .setParameter("except", exceptId == null ? -1L : exceptId)
                .getSingleResult() > 0;
    }
}
