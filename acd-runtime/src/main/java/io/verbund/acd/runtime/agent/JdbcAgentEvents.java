package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.journal.JournalBacklog;
import io.verbund.acd.runtime.journal.JournaledStatement;
import io.verbund.acd.runtime.journal.MasterJournal;
import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds each accepted agent state change to the agent's history, {@code agent_event}, on the master,
 * through this service's journal {@code agent-events-<service>} ({@link MasterJournal}): the change
 * is journaled before the caller goes on and reaches the master a moment later, also when the
 * master was down at the time (before, the event was dropped then).
 *
 * <p>The row's {@code seq}, its order in the agent's history, is numbered here: the moment of the
 * change in microseconds, strictly increasing in this writer. The agent's ids come from a map of
 * every agent, read at start and on a miss in the background, so the master gets a plain insert
 * that travels in bulk; an agent the map does not know yet is inserted by key (tenant, extension).
 * The event's own id (made here) makes a redelivered entry a no-op. Nothing here waits for the
 * database: the call path records its agents' changes through this class.
 */
@ApplicationScoped
public class JdbcAgentEvents {

    private static final Logger LOG = Logger.getLogger(JdbcAgentEvents.class.getName());
    /** The cause of an agent event that extended a wrap-up. */
    public static final String WRAP_UP_EXTENDED = "WRAP_UP_EXTENDED";

    private static final String BY_ID = "AGENT_EVENT_BY_ID";
    private static final String BY_KEY = "AGENT_EVENT_BY_KEY";
    /** Entries journaled before V21, which the insert numbered: drained as they were written. */
    private static final String NUMBERED_BY_THE_INSERT = "AGENT_EVENT";
    private static final String COLUMNS = " (tenant_id, agent_id, seq, state, reason, call_id, cause, changed_by, extended_seconds, occurred_at, node, event_id)";
    /** The event id is the only unique key but the primary one: a repeated entry updates nothing, any other refusal stays one. */
    private static final String INSERT_BY_ID = "INSERT INTO agent_event" + COLUMNS
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE event_id = event_id";
    private static final String INSERT_BY_KEY = "INSERT INTO agent_event" + COLUMNS
            + " SELECT a.tenant_id, a.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM agent a JOIN tenant t ON t.id = a.tenant_id"
            + " WHERE t.tenant_key = ? AND a.extension = ? AND NOT EXISTS (SELECT 1 FROM agent_event d WHERE d.event_id = ?)";
    private static final String INSERT_NUMBERED_BY_THE_INSERT = "INSERT INTO agent_event" + COLUMNS
            + " SELECT a.tenant_id, a.id,"
            + " COALESCE((SELECT e.seq FROM agent_event e WHERE e.agent_id = a.id ORDER BY e.seq DESC LIMIT 1), 0) + 1,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ? FROM agent a JOIN tenant t ON t.id = a.tenant_id"
            + " WHERE t.tenant_key = ? AND a.extension = ?"
            + " AND NOT EXISTS (SELECT 1 FROM agent_event d WHERE d.event_id = ?)";
    private static final String AGENTS = "SELECT t.tenant_key, a.extension, a.tenant_id, a.id FROM agent a JOIN tenant t ON t.id = a.tenant_id";
    private static final String AGENT = AGENTS + " WHERE t.tenant_key = ? AND a.extension = ?";

    /** An agent's row ids, which never change. */
    private record AgentRow(long tenantId, long agentId) {
    }

    private final Datasources datasources;
    private final Path dataFolder;
    private final String service;
    private final String node;
    private final Clock clock;
    private volatile MasterJournal journal;
    private final Map<AgentKey, AgentRow> agentRows = new ConcurrentHashMap<>();
    private final Set<AgentKey> lookingUp = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastSeq = new AtomicLong();

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    public JdbcAgentEvents(Datasources datasources,
                           @ConfigProperty(name = "jboss.server.data.dir") String dataFolder,
                           @ConfigProperty(name = "verbund.service.name") String service,
                           @ConfigProperty(name = "jboss.node.name") Optional<String> node, Clock clock) {
        this.datasources = datasources;
        this.dataFolder = Path.of(dataFolder);
        this.service = service;
        this.node = node.orElse(null);
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected JdbcAgentEvents() {
        this.datasources = null;
        this.dataFolder = null;
        this.service = null;
        this.node = null;
        this.clock = null;
    }

    /** The journal's name, {@code agent-events-<service>}: its folder and the {@code source} of its dead letters. */
    public String journalName() {
        return "agent-events-" + service;
    }

    /** The journal's backlog, for the pipeline's meters; empty before {@link #start()}. */
    public JournalBacklog backlog() {
        MasterJournal open = journal;
        return open == null ? JournalBacklog.EMPTY : open.backlog();
    }

    /** Rows the master refused since the journal was opened. */
    public long deadLettered() {
        MasterJournal open = journal;
        return open == null ? 0 : open.deadLettered();
    }

    /**
     * Opens the journal and drains what an earlier run left in it. Called at start-up by the
     * services that record agent events (on a deployment thread, which has the naming context the
     * scheduler's look-up needs); only those have the journal.
     */
    public synchronized void start() {
        if (journal == null) {
            try {
                Map<String, String> kinds = new LinkedHashMap<>();
                kinds.put(NUMBERED_BY_THE_INSERT, INSERT_NUMBERED_BY_THE_INSERT);
                kinds.put(BY_KEY, INSERT_BY_KEY);
                kinds.put(BY_ID, INSERT_BY_ID);
                journal = MasterJournal.open(journalName(), dataFolder, datasources.forRole(DatasourceRole.MASTER),
                        kinds, node == null ? "" : node, clock, scheduler);
            } catch (IOException e) {
                throw new UncheckedIOException("the agent events' journal cannot be opened in " + dataFolder, e);
            }
            readAgentRows();
        }
    }

    /** Every agent's ids; a master that cannot answer now leaves the map to the look-ups on a miss. */
    private void readAgentRows() {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = master.prepareStatement(AGENTS);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                agentRows.put(new AgentKey(new TenantKey(rows.getString(1)), rows.getString(2)), new AgentRow(rows.getLong(3), rows.getLong(4)));
            }
        } catch (SQLException e) {
            LOG.info(() -> "agent ids not read at start (" + e.getMessage() + "); events are inserted by key until they are");
        }
    }

    /** Looks the agent's ids up in the background, once at a time per agent; a failure leaves it to the next miss. */
    private void lookUpLater(AgentKey agent) {
        if (!lookingUp.add(agent)) {
            return;
        }
        scheduler.execute(() -> {
            try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
                 PreparedStatement query = master.prepareStatement(AGENT)) {
                query.setString(1, agent.tenant().value());
                query.setString(2, agent.extension());
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        agentRows.put(agent, new AgentRow(row.getLong(3), row.getLong(4)));
                    }
                }
            } catch (SQLException e) {
                LOG.fine(() -> "agent " + agent + " not looked up: " + e.getMessage());
            } finally {
                lookingUp.remove(agent);
            }
        });
    }

    /** The next number in this writer's order: the moment in microseconds, or one past the last when that was later. */
    private long nextSeq() {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        return lastSeq.accumulateAndGet(micros, (last, moment) -> Math.max(last + 1, moment));
    }

    /** A change the agent (or someone for it, as usual) asked for. */
    public void record(ConfiguredAgent agent, AgentStatus entered) {
        record(agent.key(), entered);
    }

    /** A change without a cause: asked for, or the call path's (reserved, ringing, on call, wrap-up, ready again). */
    public void record(AgentKey agent, AgentStatus entered) {
        record(agent, entered, Optional.empty(), Optional.empty());
    }

    /**
     * A change with a cause: a supervisor or admin forced it ({@code cause} FORCED, {@code changedBy}
     * their login: the audit trail), or the call path released the agent (a
     * {@link io.verbund.acd.agent.ReleaseReason}).
     */
    public void record(AgentKey agent, AgentStatus entered, String cause, Optional<String> changedBy) {
        record(agent, entered, Optional.of(cause), changedBy);
    }

    /**
     * The agent took {@code by} more wrap-up time at {@code at}: state WRAP_UP, cause
     * {@value #WRAP_UP_EXTENDED} and the seconds added, so supervisors and statistics see how long
     * wrap-ups were stretched. {@code changedBy}: the supervisor or admin who extended it for the agent.
     */
    public void recordWrapUpExtended(ConfiguredAgent agent, AgentStatus extended, Duration by, Instant at, Optional<String> changedBy) {
        record(agent.key(), extended, Optional.of(WRAP_UP_EXTENDED), changedBy, (int) by.toSeconds(), at);
    }

    private void record(AgentKey agent, AgentStatus entered, Optional<String> cause, Optional<String> changedBy) {
        record(agent, entered, cause, changedBy, null, entered.since());
    }

    private void record(AgentKey agent, AgentStatus entered, Optional<String> cause, Optional<String> changedBy,
                        Integer extendedSeconds, Instant occurredAt) {
        if (journal == null) {
            start();
        }
        String eventId = UUID.randomUUID().toString();
        long seq = nextSeq();
        String state = entered.state().name();
        String reason = entered.reason().orElse(null);
        String callId = entered.callId().orElse(null);
        AgentRow ids = agentRows.get(agent);
        if (ids != null) {
            journal.append(JournaledStatement.of(BY_ID, ids.tenantId(), ids.agentId(), seq, state, reason, callId,
                    cause.orElse(null), changedBy.orElse(null), extendedSeconds, occurredAt, node, eventId));
        } else {
            lookUpLater(agent);
            journal.append(JournaledStatement.of(BY_KEY, seq, state, reason, callId, cause.orElse(null), changedBy.orElse(null),
                    extendedSeconds, occurredAt, node, eventId, agent.tenant().value(), agent.extension(), eventId));
        }
        LOG.fine(() -> "agent " + agent + " entered " + entered.state() + ": journaled as " + eventId);
    }

    @PreDestroy
    void stop() {
        if (journal != null) {
            journal.close();
        }
    }
}
