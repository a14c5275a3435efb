package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.problem.InvalidFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Call records and their events on the master (where the call path writes them), always within
 * one tenant and, for supervisors and agents, within what they may see: a set of groups, or the
 * calls one agent answered.
 */
@ApplicationScoped
public class CallRecords {

    /** Which calls a caller may see: all of the tenant's, those of some groups, or one agent's. */
    public record Scope(Optional<Set<Long>> groups, Optional<String> agentExtension) {
        public static final Scope ALL = new Scope(Optional.empty(), Optional.empty());
    }

    private static final Logger LOG = Logger.getLogger(CallRecords.class.getName());
    private static final String COLUMNS = "SELECT r.call_id, r.caller, r.service_number, g.name, r.received_at, r.queued_at,"
            + " r.offered_at, r.answered_at, r.ended_at, r.outcome, a.extension, r.disposition, r.handled_by_node, g.crm_url_template,"
            + " r.recording_file IS NOT NULL, r.voicemail_file IS NOT NULL, r.direction, r.dialled_number"
            + " FROM call_record r LEFT JOIN acd_group g ON g.id = r.group_id LEFT JOIN agent a ON a.id = r.agent_id";
    private static final String STEPS = "SELECT e.seq, e.occurred_at, e.type, e.flow_node, a.extension, e.detail FROM call_event e"
            + " LEFT JOIN agent a ON a.id = e.agent_id WHERE e.tenant_id = ? AND e.call_id = ? ORDER BY e.seq";

    private final Datasources datasources;

    @Inject
    public CallRecords(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected CallRecords() {
        this.datasources = null;
    }

    /** The tenant's calls in scope, newest first; {@code direction} INBOUND or OUTBOUND, empty for both. */
    public Page<CallDocument> list(AddressedTenant tenant, Scope scope, boolean activeOnly, Optional<String> direction, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(tenant, scope, parameters) + (activeOnly ? " AND r.ended_at IS NULL" : "");
        if (direction.isPresent()) {
            where += " AND r.direction = ?";
            parameters.add(direction.get());
        }
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
            long total;
            try (PreparedStatement count = prepare(db, "SELECT COUNT(*) FROM call_record r LEFT JOIN agent a ON a.id = r.agent_id" + where, parameters);
                 ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(page.limit());
            paged.add(page.offset());
            List<CallDocument> items = new ArrayList<>();
            try (PreparedStatement query = prepare(db, COLUMNS + where + " ORDER BY r.received_at DESC LIMIT ? OFFSET ?", paged);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(document(rows, null));
                }
            }
            return new Page<>(items, total, page.offset(), page.limit());
        } catch (SQLException e) {
            throw new DatabaseUnavailable("listing calls", e);
        }
    }

    public CallDocument get(AddressedTenant tenant, Scope scope, String callId) {
        List<Object> parameters = new ArrayList<>();
        String where = where(tenant, scope, parameters) + " AND r.call_id = ?";
        parameters.add(callId);
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = prepare(db, COLUMNS + where, parameters);
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new UnknownCall(callId, tenant.key());
            }
            return CallDocument.withHoldOf(document(row, steps(db, tenant, callId)));
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading a call", e);
        }
    }

    /** The storage name of the call's recording or voicemail, if it has one; 404 for a call the scope does not cover. */
    public Optional<String> mediaFile(AddressedTenant tenant, Scope scope, String callId, CallMedia media) {
        List<Object> parameters = new ArrayList<>();
        String where = where(tenant, scope, parameters) + " AND r.call_id = ?";
        parameters.add(callId);
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = prepare(db, "SELECT r." + media.column() + " FROM call_record r LEFT JOIN agent a ON a.id = r.agent_id"
                     + where, parameters);
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new UnknownCall(callId, tenant.key());
            }
            return Optional.ofNullable(row.getString(1));
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading a call", e);
        }
    }

    /** Sets the disposition of a call (which the caller has checked the scope covers); the code must be one the tenant offers for the call's group. */
    public CallDocument dispose(AddressedTenant tenant, Scope scope, String callId, String code, String by) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
            try (PreparedStatement check = db.prepareStatement("SELECT COUNT(*) FROM disposition d JOIN call_record r ON r.tenant_id = d.tenant_id"
                    + " WHERE d.tenant_id = ? AND r.call_id = ? AND d.code = ? AND d.enabled AND (d.group_id IS NULL OR d.group_id = r.group_id)")) {
                check.setLong(1, tenant.idValue());
                check.setString(2, callId);
                check.setString(3, code);
                try (ResultSet row = check.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        throw InvalidFields.of("code", PortalWords.text("call.disposition-unknown", code), tenant.key());
                    }
                }
            }
            try (PreparedStatement update = db.prepareStatement("UPDATE call_record SET disposition = ? WHERE tenant_id = ? AND call_id = ?")) {
                update.setString(1, code);
                update.setLong(2, tenant.idValue());
                update.setString(3, callId);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("setting a disposition", e);
        }
        LOG.info(() -> "call " + callId + " of tenant " + tenant.key() + " disposed as " + code + " by " + by);
        return get(tenant, scope, callId);
    }

    private static String where(AddressedTenant tenant, Scope scope, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE r.tenant_id = ?");
        parameters.add(tenant.idValue());
        scope.groups().ifPresent(groups -> {
            if (groups.isEmpty()) {
                where.append(" AND FALSE");
            } else {
                where.append(" AND r.group_id IN (").append(groups.stream().map(id -> "?").collect(Collectors.joining(","))).append(')');
                parameters.addAll(groups);
            }
        });
        scope.agentExtension().ifPresent(extension -> {
            where.append(" AND a.extension = ?");
            parameters.add(extension);
        });
        return where.toString();
    }

    private static PreparedStatement prepare(Connection db, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static List<CallDocument.Step> steps(Connection db, AddressedTenant tenant, String callId) throws SQLException {
        List<CallDocument.Step> steps = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(STEPS)) {
            query.setLong(1, tenant.idValue());
            query.setString(2, callId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    JsonObject data = json(rows.getString(6));
                    steps.add(new CallDocument.Step(rows.getInt(1), instant(rows, 2), rows.getString(3), rows.getString(4),
                            rows.getString(5), summary(data), data));
                }
            }
        }
        return steps;
    }

    /** The step in words: the reason a routing decision gave, else its recorded values. */
    static String summary(JsonObject data) {
        if (data == null || data.isEmpty()) {
            return "";
        }
        if (data.containsKey("why")) {
            return data.getString("why", "");
        }
        return data.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue().toString().replace("\"", ""))
                .collect(Collectors.joining(", "));
    }

    private static JsonObject json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static CallDocument document(ResultSet row, List<CallDocument.Step> steps) throws SQLException {
        return new CallDocument(row.getString(1), row.getString(2), row.getString(3), row.getString(4), instant(row, 5),
                instant(row, 6), instant(row, 7), instant(row, 8), instant(row, 9), row.getString(10), row.getString(11),
                row.getString(12), row.getString(13), CrmLink.of(row.getString(14), row.getString(2), row.getString(3), row.getString(1)),
                row.getBoolean(15), row.getBoolean(16), row.getString(17), row.getString(18), steps, null, null, null, null);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime utc = row.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
