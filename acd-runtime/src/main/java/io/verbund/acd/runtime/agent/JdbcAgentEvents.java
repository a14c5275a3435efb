package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
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
import java.time.Duration;
import java.time.Instant;
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
    /** The cause of an agent event that extended a wrap-up. */
    public static final String WRAP_UP_EXTENDED = "WRAP_UP_EXTENDED";
    /** MariaDB's ER_AUTOINC_READ_FAILED: InnoDB could not hand out an id under concurrent inserts; it passes. */
    private static final int AUTO_INCREMENT_BUSY = 1467;

    private static final String INSERT = "INSERT INTO agent_event"
            + " (tenant_id, agent_id, seq, state, reason, call_id, cause, changed_by, extended_seconds, occurred_at, node)"
            + " SELECT a.tenant_id, a.id,"
            + " (SELECT COALESCE(MAX(e.seq), 0) + 1 FROM agent_event e WHERE e.agent_id = a.id),"
            + " ?, ?, ?, ?, ?, ?, ?, ? FROM agent a";
    private static final String BY_ID = INSERT + " WHERE a.id = ?";
    /** The call path knows agents by key only. */
    private static final String BY_KEY = INSERT + " JOIN tenant t ON t.id = a.tenant_id WHERE t.tenant_key = ? AND a.extension = ?";

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

    /** A change the agent (or someone for it, as usual) asked for. @return whether the row was written */
    public boolean record(ConfiguredAgent agent, AgentStatus entered) {
        return record(agent.key(), entered, Optional.empty(), Optional.empty(), null, entered.since(), BY_ID, agent.id().value());
    }

    /**
     * A change with a cause: a supervisor or admin forced it ({@code cause} FORCED, {@code changedBy}
     * their login: the audit trail), or the call path released the agent (a
     * {@link io.verbund.acd.agent.ReleaseReason}).
     *
     * @return whether the row was written
     */
    public boolean record(AgentKey agent, AgentStatus entered, String cause, Optional<String> changedBy) {
        return record(agent, entered, Optional.of(cause), changedBy, null, entered.since(), BY_KEY, agent.tenant().value(),
                agent.extension());
    }

    /**
     * The agent took {@code by} more wrap-up time at {@code at}: state WRAP_UP, cause
     * {@value #WRAP_UP_EXTENDED} and the seconds added, so supervisors and statistics see how long
     * wrap-ups were stretched. {@code changedBy}: the supervisor or admin who extended it for the agent.
     *
     * @return whether the row was written
     */
    public boolean recordWrapUpExtended(ConfiguredAgent agent, AgentStatus extended, Duration by, Instant at,
                                        Optional<String> changedBy) {
        return record(agent.key(), extended, Optional.of(WRAP_UP_EXTENDED), changedBy, (int) by.toSeconds(), at, BY_ID,
                agent.id().value());
    }

    private boolean record(AgentKey agent, AgentStatus entered, Optional<String> cause, Optional<String> changedBy,
                           Integer extendedSeconds, Instant occurredAt, String sql, Object... whichAgent) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
                 PreparedStatement insert = db.prepareStatement(sql)) {
                insert.setString(1, entered.state().name());
                setOptional(insert, 2, entered.reason());
                setOptional(insert, 3, entered.callId());
                setOptional(insert, 4, cause);
                setOptional(insert, 5, changedBy);
                if (extendedSeconds == null) {
                    insert.setNull(6, Types.INTEGER);
                } else {
                    insert.setInt(6, extendedSeconds);
                }
                insert.setObject(7, LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
                insert.setString(8, node);
                for (int i = 0; i < whichAgent.length; i++) {
                    insert.setObject(9 + i, whichAgent[i]);
                }
                if (insert.executeUpdate() == 1) {
                    return true;
                }
                LOG.warning(() -> "agent " + agent + " is no longer configured; its " + entered.state()
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
        LOG.log(Level.SEVERE, "agent event not recorded: " + agent + " entered " + entered.state()
                + entered.reason().map(reason -> " (" + reason + ")").orElse("") + cause.map(why -> ", " + why).orElse("")
                + " at " + occurredAt, last);
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
