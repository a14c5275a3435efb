package io.verbund.acd.portal.api;

import io.verbund.acd.persistence.config.TenantOwned;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of one tenant's rows for lists that filter more than {@link TenantRows#page} can: text
 * matched in any of several fields, and exact conditions such as {@code ?enabled=true}. As in
 * {@link TenantRows}, the tenant is always in the WHERE clause. Field names and conditions come from
 * our code, never from the request; request values only ever reach the query as bound parameters.
 */
public final class TenantPageQuery<T extends TenantOwned> {

    private final Class<T> type;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private TenantPageQuery(Class<T> type, AddressedTenant tenant) {
        this.type = type;
        conditions.add("e.tenantId = :tenant");
        parameters.put("tenant", tenant.idValue());
    }

    public static <T extends TenantOwned> TenantPageQuery<T> of(Class<T> type, AddressedTenant tenant) {
        return new TenantPageQuery<>(type, tenant);
    }

    /** Rows where any of {@code fields} contains the text, in any case; blank text filters nothing. */
    public TenantPageQuery<T> containing(String text, String... fields) {
        if (text == null || text.isBlank()) {
            return this;
        }
        List<String> matches = new ArrayList<>();
        for (String field : fields) {
            matches.add("LOWER(e." + field + ") LIKE LOWER(:text) ESCAPE '\\'");
        }
        conditions.add("(" + String.join(" OR ", matches) + ")");
        parameters.put("text", PageRequest.containing(text));
        return this;
    }

    /**
     * Rows that meet {@code condition}: JPQL on the row {@code e} that names its one parameter
     * {@code :name}, e.g. {@code where("e.enabled = :enabled", "enabled", true)}.
     */
    public TenantPageQuery<T> where(String condition, String name, Object value) {
        conditions.add("(" + condition + ")");
        parameters.put(name, value);
        return this;
    }

    /** The page, ordered by {@code orderBy} (field names of the row) and then by id, so pages never overlap. */
    public Page<T> page(EntityManager entities, PageRequest page, String... orderBy) {
        String from = " FROM " + type.getSimpleName() + " e WHERE " + String.join(" AND ", conditions);
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (String field : orderBy) {
            order.append("e.").append(field).append(", ");
        }
        order.append("e.id");
        long total = bind(entities.createQuery("SELECT COUNT(e)" + from, Long.class)).getSingleResult();
        List<T> rows = bind(entities.createQuery("SELECT e" + from + order, type))
                .setFirstResult(page.offset()).setMaxResults(page.limit())
                .getResultList();
        return new Page<>(rows, total, page.offset(), page.limit());
    }

    private <R> TypedQuery<R> bind(TypedQuery<R> query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
