package io.verbund.acd.portal.agent;

import io.verbund.acd.runtime.agent.AgentId;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Supervision from {@code supervisor_group} and {@code group_membership}. As the schema documents,
 * a supervisor with no {@code supervisor_group} row supervises every group of its tenant.
 */
@ApplicationScoped
public class JdbcSupervision implements Supervision {

    private static final String SUPERVISED = "SELECT m.agent_id FROM supervisor_group s"
            + " JOIN group_membership m ON m.tenant_id = s.tenant_id AND m.group_id = s.group_id"
            + " WHERE s.user_id = ? AND s.tenant_id = ?"
            + " UNION SELECT m.agent_id FROM group_membership m WHERE m.tenant_id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM supervisor_group s WHERE s.user_id = ?)";

    private final Datasources datasources;

    @Inject
    public JdbcSupervision(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected JdbcSupervision() {
        this.datasources = null;
    }

    @Override
    public Set<AgentId> agentsSupervisedBy(Caller supervisor) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(SUPERVISED)) {
            query.setLong(1, supervisor.user().value());
            query.setLong(2, supervisor.tenantId().value());
            query.setLong(3, supervisor.tenantId().value());
            query.setLong(4, supervisor.user().value());
            Set<AgentId> agents = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    agents.add(new AgentId(rows.getLong(1)));
                }
            }
            return agents;
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the supervisor's groups", e);
        }
    }
}
