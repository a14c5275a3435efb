package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The enabled agents of a tenant, from the configuration on the master. Every query is scoped by
 * the tenant key, so an extension of another tenant is simply not found.
 */
@ApplicationScoped
public class JdbcAgentDirectory {

    private static final String ONE = "SELECT a.id, a.extension, a.display_name FROM agent a"
            + " JOIN tenant t ON t.id = a.tenant_id WHERE t.tenant_key = ? AND a.extension = ? AND a.enabled";
    private static final String ALL = "SELECT a.id, a.extension, a.display_name FROM agent a"
            + " JOIN tenant t ON t.id = a.tenant_id WHERE t.tenant_key = ? AND a.enabled ORDER BY a.extension";
    private static final String TENANT = "SELECT 1 FROM tenant WHERE tenant_key = ?";

    private final Datasources datasources;

    @Inject
    public JdbcAgentDirectory(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected JdbcAgentDirectory() {
        this.datasources = null;
    }

    public Optional<ConfiguredAgent> find(AgentKey agent) {
        List<ConfiguredAgent> found = query(ONE, agent.tenant(), agent.extension());
        return found.stream().findFirst();
    }

    /** Ordered by extension. */
    public List<ConfiguredAgent> agentsOf(TenantKey tenant) {
        return query(ALL, tenant, null);
    }

    public boolean hasTenant(TenantKey tenant) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(TENANT)) {
            query.setString(1, tenant.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the tenant", e);
        }
    }

    private List<ConfiguredAgent> query(String sql, TenantKey tenant, String extension) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, tenant.value());
            if (extension != null) {
                query.setString(2, extension);
            }
            List<ConfiguredAgent> agents = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    agents.add(new ConfiguredAgent(new AgentId(rows.getLong(1)), new AgentKey(tenant, rows.getString(2)),
                            rows.getString(3)));
                }
            }
            return agents;
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up agents", e);
        }
    }
}
