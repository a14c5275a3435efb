package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.portal.api.TenantMidnight;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * An agent's own figures for today (since midnight in its tenant's time zone), from the call
 * records on the real-time replica: calls answered, time talking, the average and the longest call.
 */
@ApplicationScoped
public class AgentDay {

    /** The body of {@code GET /agents/{extension}/today}; talk times in whole seconds. */
    public record Today(String extension, int answered, long talkSeconds, long averageTalkSeconds, long longestTalkSeconds) {
    }

    private static final String FIGURES = "SELECT COUNT(r.id), COALESCE(SUM(TIMESTAMPDIFF(SECOND, r.answered_at, r.ended_at)), 0),"
            + " COALESCE(MAX(TIMESTAMPDIFF(SECOND, r.answered_at, r.ended_at)), 0)"
            + " FROM tenant t JOIN agent a ON a.tenant_id = t.id"
            + " LEFT JOIN call_record r ON r.agent_id = a.id AND r.answered_at IS NOT NULL AND r.ended_at IS NOT NULL AND r.answered_at >= ?"
            + " WHERE t.tenant_key = ? AND a.extension = ?";

    private final Datasources datasources;
    private final Clock clock;

    @Inject
    public AgentDay(Datasources datasources, Clock clock) {
        this.datasources = datasources;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected AgentDay() {
        this(null, null);
    }

    /** The caller has checked it may see this agent. */
    public Today of(AgentKey agent) {
        try (Connection db = datasources.forRole(DatasourceRole.REALTIME).getConnection();
             PreparedStatement query = db.prepareStatement(FIGURES)) {
            query.setObject(1, TenantMidnight.today(db, agent.tenant(), clock));
            query.setString(2, agent.tenant().value());
            query.setString(3, agent.extension());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new Today(agent.extension(), 0, 0, 0, 0);
                }
                int answered = row.getInt(1);
                long talk = row.getLong(2);
                return new Today(agent.extension(), answered, talk, answered == 0 ? 0 : talk / answered, row.getLong(3));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("counting an agent's calls today", e);
        }
    }
}
