package io.verbund.acd.stats.kpi;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.statistics.ServiceLevelVariant;
import io.verbund.acd.stats.access.StatsTenant;
import io.verbund.acd.stats.slice.Utc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's KPI definitions, versioned on the master: a new one never changes an old one, so
 * every figure can say which version made it and a report can be read under any of them. A tenant
 * that never saved one has the standard definition as version 1.
 */
@ApplicationScoped
public class KpiDefinitions {

    /** A stored version and who made it; the standard one of a tenant without rows has neither. */
    public record Stored(KpiDefinition definition, Optional<Instant> createdAt, Optional<String> createdBy) {
    }

    private final Datasources datasources;

    @Inject
    public KpiDefinitions(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected KpiDefinitions() {
        this.datasources = null;
    }

    /** Every version, oldest first; never empty. */
    public List<Stored> all(StatsTenant tenant) {
        return all(tenant, DatasourceRole.MASTER);
    }

    private List<Stored> all(StatsTenant tenant, DatasourceRole readFrom) {
        List<Stored> versions = new ArrayList<>();
        try (Connection db = datasources.forRole(readFrom).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT version, service_level_variant, short_abandons_excluded,"
                     + " wrap_up_in_handle_time, created_at, created_by FROM kpi_definition WHERE tenant_id = ? ORDER BY version")) {
            query.setLong(1, tenant.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(new Stored(new KpiDefinition(rows.getInt(1), ServiceLevelVariant.valueOf(rows.getString(2)), rows.getBoolean(3),
                            rows.getBoolean(4)), Optional.of(Utc.read(rows, 5)), Optional.of(rows.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the KPI definitions", e);
        }
        if (versions.isEmpty() || versions.get(0).definition().version() != 1) {
            versions.add(0, new Stored(KpiDefinition.STANDARD, Optional.empty(), Optional.empty()));
        }
        return versions;
    }

    public KpiDefinition current(StatsTenant tenant) {
        return current(tenant, DatasourceRole.MASTER);
    }

    /** The current version as {@code readFrom} has it (real time reads a replica: a new version shows there a moment later). */
    public KpiDefinition current(StatsTenant tenant, DatasourceRole readFrom) {
        List<Stored> all = all(tenant, readFrom);
        return all.get(all.size() - 1).definition();
    }

    /** The version asked for, or the current one; an unknown version is the field's error. */
    public KpiDefinition version(StatsTenant tenant, Optional<Integer> version, String field) {
        if (version.isEmpty()) {
            return current(tenant);
        }
        return all(tenant).stream().map(Stored::definition).filter(definition -> definition.version() == version.get()).findFirst()
                .orElseThrow(() -> InvalidFields.of(field, "the tenant has no KPI definition version " + version.get(), tenant.key()));
    }

    /** Saves a new version after the newest, which becomes the current one. */
    public Stored add(StatsTenant tenant, ServiceLevelVariant serviceLevel, boolean shortAbandonsExcluded, boolean wrapUpInHandleTime,
                      String by) {
        for (int attempt = 0; ; attempt++) {
            int next = all(tenant).stream().mapToInt(stored -> stored.definition().version()).max().orElse(1) + 1;
            try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
                 PreparedStatement insert = db.prepareStatement("INSERT INTO kpi_definition (tenant_id, version, service_level_variant,"
                         + " short_abandons_excluded, wrap_up_in_handle_time, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, tenant.id());
                insert.setInt(2, next);
                insert.setString(3, serviceLevel.name());
                insert.setBoolean(4, shortAbandonsExcluded);
                insert.setBoolean(5, wrapUpInHandleTime);
                insert.setString(6, by);
                insert.executeUpdate();
                return all(tenant).stream().filter(stored -> stored.definition().version() == next).findFirst().orElseThrow();
            } catch (SQLIntegrityConstraintViolationException taken) {
                if (attempt >= 3) {
                    throw new DatabaseUnavailable("saving the KPI definition (others kept saving at the same time)", taken);
                }
            } catch (SQLException e) {
                throw new DatabaseUnavailable("saving the KPI definition", e);
            }
        }
    }
}
