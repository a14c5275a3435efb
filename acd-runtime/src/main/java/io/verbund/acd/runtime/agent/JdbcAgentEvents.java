package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds each accepted agent state change to the agent's history, {@code agent_event}, on the master.
 * The sequence number continues the agent's {@code MAX(seq)} in the same statement; when another
 * writer took that number first, the unique key {@code (agent_id, seq)} refuses the row and the
 * insert is repeated with the next number.
 *
 * <p>The cache already holds the new state when this runs, so a failure here cannot undo it: it is
 * logged as an error (with the event, so it can be replayed) and the caller goes on.
 */
@ApplicationScoped
public class JdbcAgentEvents {

    private static final Logger LOG = Logger.getLogger(JdbcAgentEvents.class.getName());
    static final int MAX_ATTEMPTS = 5;
    /** MariaDB's ER_AUTOINC_READ_FAILED: InnoDB could not hand out an id under concurrent inserts; it passes. */
    private static final int AUTO_INCREMENT_BUSY = 1467;

    private static final String INSERT = "INSERT INTO agent_event"
            + " (tenant_id, agent_id, seq, state, reason, call_id, occurred_at, node)"
            + " SELECT a.tenant_id, a.id,"
            + " (SELECT COALESCE(MAX(e.seq), 0) + 1 FROM agent_event e WHERE e.agent_id = a.id),"
            + " ?, ?, ?, ?, ? FROM agent a WHERE a.id = ?";

    private final Datasources datasources;
    private final String node;

    @Inject
    public JdbcAgentEvents(Datasources datasources,
                           @ConfigProperty(name = "jboss.node.name") Optional<String> node) {
        this.datasources = datasources;
        this.node = node.orElse(null);
    }

    /** For CDI's proxy only. */
    protected JdbcAgentEvents() {
        this.datasources = null;
        this.node = null;
    }

    /** @return whether the row was written */
    public boolean record(ConfiguredAgent agent, AgentStatus entered) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
                 PreparedStatement insert = db.prepareStatement(INSERT)) {
                insert.setString(1, entered.state().name());
                setOptional(insert, 2, entered.reason());
                setOptional(insert, 3, entered.callId());
                insert.setObject(4, LocalDateTime.ofInstant(entered.since(), ZoneOffset.UTC));
                insert.setString(5, node);
                insert.setLong(6, agent.id().value());
                if (insert.executeUpdate() == 1) {
                    return true;
                }
                LOG.warning(() -> "agent " + agent.key() + " is no longer configured; its " + entered.state()
                        + " event was not recorded");
                return false;
            } catch (SQLIntegrityConstraintViolationException | SQLTransactionRollbackException e) {
                last = e; // another writer took the sequence number or the lock: next number
            } catch (SQLException e) {
                last = e;
                if (e.getErrorCode() != AUTO_INCREMENT_BUSY) {
                    break;
                }
                pause(attempt);
            }
        }
        LOG.log(Level.SEVERE, "agent event not recorded: " + agent.key() + " entered " + entered.state()
                + entered.reason().map(reason -> " (" + reason + ")").orElse("") + " at " + entered.since(), last);
        return false;
    }

    /** A few milliseconds, longer each time, so concurrent writers spread out. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setOptional(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
