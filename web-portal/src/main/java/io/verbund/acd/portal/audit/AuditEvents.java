package io.verbund.acd.portal.audit;

import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.runtime.audit.AuditLog;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.security.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the audit log, newest first; read-only, like everything that touches {@code audit_event} but the journal's insert. */
@ApplicationScoped
public class AuditEvents {

    private static final String COLUMNS = "SELECT e.id, t.tenant_key, e.occurred_at, e.actor_kind, e.actor_id, e.actor_name, e.actor_roles,"
            + " e.client_address, e.entity_type, e.entity_id, e.action, e.summary FROM audit_event e LEFT JOIN tenant t ON t.id = e.tenant_id";

    /**
     * The filters of a query, each optional.
     *
     * @param tenant     only this tenant's entries; empty: every tenant's (system administrators only)
     * @param actor      part of the actor's name
     * @param entityType exactly this kind of thing
     */
    public record Query(Optional<TenantId> tenant, Optional<Instant> from, Optional<Instant> to, Optional<String> actor,
                        Optional<String> entityType) {
    }

    private final Datasources datasources;
    private final AuditLog log;

    @Inject
    public AuditEvents(Datasources datasources, AuditLog log) {
        this.datasources = datasources;
        this.log = log;
    }

    /** For CDI's proxy only. */
    protected AuditEvents() {
        this(null, null);
    }

    /** Opens the audit journal at start, so what an earlier run left in it reaches the master without waiting for a change. */
    void openJournal(@Observes Startup startup) {
        log.start();
    }

    public Page<AuditEventDocument> list(Query query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.tenant().ifPresent(tenant -> {
            where.append(" AND e.tenant_id = ?");
            parameters.add(tenant.value());
        });
        query.from().ifPresent(from -> {
            where.append(" AND e.occurred_at >= ?");
            parameters.add(Timestamp.from(from));
        });
        query.to().ifPresent(to -> {
            where.append(" AND e.occurred_at < ?");
            parameters.add(Timestamp.from(to));
        });
        query.actor().ifPresent(actor -> {
            where.append(" AND e.actor_name LIKE ?");
            parameters.add(PageRequest.containing(actor));
        });
        query.entityType().ifPresent(type -> {
            where.append(" AND e.entity_type = ?");
            parameters.add(type);
        });
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
            long total;
            try (PreparedStatement count = master.prepareStatement("SELECT COUNT(*) FROM audit_event e" + where)) {
                bind(count, parameters);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<AuditEventDocument> items = new ArrayList<>();
            try (PreparedStatement select = master.prepareStatement(COLUMNS + where + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?")) {
                List<Object> paged = new ArrayList<>(parameters);
                paged.add(page.limit());
                paged.add(page.offset());
                bind(select, paged);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long actorId = rows.getLong(5);
                        Long actor = rows.wasNull() ? null : actorId;
                        items.add(new AuditEventDocument(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                                rows.getString(4), actor, rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                                rows.getString(10), rows.getString(11), summary(rows.getString(12))));
                    }
                }
            }
            return new Page<>(items, total, page.offset(), page.limit());
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the audit log", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static JsonObject summary(String text) {
        try {
            JsonValue value = Json.createReader(new StringReader(text)).readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
