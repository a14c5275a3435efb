package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.journal.JournalBacklog;
import io.verbund.acd.runtime.journal.JournaledStatement;
import io.verbund.acd.runtime.journal.MasterJournal;
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
import java.util.Map;
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
 * <p>The sequence number continues the agent's {@code MAX(seq)} in the statement that inserts the
 * row, as the drain writes it; the event's own id (made here) makes a redelivered entry a no-op.
 * When another writer took that number first, the unique key {@code (agent_id, seq)} refuses the
 * row; that passes, so the batch is written again on the drain's next attempt.
 */
@ApplicationScoped
public class JdbcAgentEvents {

    private static final Logger LOG = Logger.getLogger(JdbcAgentEvents.class.getName());
    private static final String KIND = "AGENT_EVENT";
    /** The cause of an agent event that extended a wrap-up. */
    public static final String WRAP_UP_EXTENDED = "WRAP_UP_EXTENDED";

    /** The call path and the portal both know the agent by key; one statement keeps the journal's order. */
    private static final String INSERT = "INSERT INTO agent_event"
            + " (tenant_id, agent_id, seq, state, reason, call_id, cause, changed_by, extended_seconds, occurred_at, node, event_id)"
            + " SELECT a.tenant_id, a.id,"
            + " (SELECT COALESCE(MAX(e.seq), 0) + 1 FROM agent_event e WHERE e.agent_id = a.id),"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ? FROM agent a JOIN tenant t ON t.id = a.tenant_id"
            + " WHERE t.tenant_key = ? AND a.extension = ?"
            + " AND NOT EXISTS (SELECT 1 FROM agent_event d WHERE d.event_id = ?)";

    private final Datasources datasources;
    private final Path dataFolder;
    private final String service;
    private final String node;
    private final Clock clock;
    private volatile MasterJournal journal;

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
                journal = MasterJournal.open(journalName(), dataFolder, datasources.forRole(DatasourceRole.MASTER),
                        Map.of(KIND, INSERT), node == null ? "" : node, clock, scheduler);
            } catch (IOException e) {
                throw new UncheckedIOException("the agent events' journal cannot be opened in " + dataFolder, e);
            }
        }
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
        journal.append(JournaledStatement.of(KIND, entered.state().name(), entered.reason().orElse(null), entered.callId().orElse(null),
                cause.orElse(null), changedBy.orElse(null), extendedSeconds, occurredAt, node, eventId, agent.tenant().value(),
                agent.extension(), eventId));
        LOG.fine(() -> "agent " + agent + " entered " + entered.state() + ": journaled as " + eventId);
    }

    @PreDestroy
    void stop() {
        if (journal != null) {
            journal.close();
        }
    }
}
