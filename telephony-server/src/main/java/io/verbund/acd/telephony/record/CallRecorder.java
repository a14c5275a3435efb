package io.verbund.acd.telephony.record;

import io.verbund.acd.runtime.journal.JournalBacklog;
import io.verbund.acd.runtime.journal.JournaledStatement;
import io.verbund.acd.runtime.journal.MasterJournal;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes call records and call events to the master through the node's journal
 * {@code call-records} ({@link MasterJournal}): each write is in the journal's file when the call
 * path goes on, so neither a crash of the node nor an outage of the master loses it, and it reaches
 * the master a moment later in a JDBC batch per kind of statement. Every write is idempotent
 * (unique call id, unique call id + seq, and moments set only once), so an entry the journal
 * delivers twice after a crash changes nothing; a row the master refuses goes to
 * {@code event_dead_letter}.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());
    static final String JOURNAL = "call-records";
    /**
     * An insert delivered again meets its unique key and changes nothing. Not INSERT IGNORE: that
     * would also turn a refused row (a failed CHECK, a value too long) into a warning, dropping or
     * truncating it unseen, where it belongs in the dead letters.
     */
    private static final String AGAIN_IS_A_NO_OP = " ON DUPLICATE KEY UPDATE id = id";

    /**
     * The statements, in the order a batch runs them: a record is inserted before any update of it
     * in the same batch, and the journal keeps a call's writes in order across batches. The names
     * are stored in the journal: rename one only with a way to read the old name.
     */
    enum Statement {
        RECORD("INSERT INTO call_record (call_id, tenant_id, service_number, caller, received_at, handled_by_node)"
                + " VALUES (?, ?, ?, ?, ?, ?)" + AGAIN_IS_A_NO_OP),
        OUTBOUND_RECORD("INSERT INTO call_record (call_id, tenant_id, service_number, caller, received_at, handled_by_node, direction,"
                + " dialled_number, group_id, agent_id) VALUES (?, ?, ?, ?, ?, ?, 'OUTBOUND', ?, ?, ?)" + AGAIN_IS_A_NO_OP),
        QUEUED(moment("queued_at")),
        OFFERED(moment("offered_at")),
        ANSWERED(moment("answered_at")),
        AGENT("UPDATE call_record SET agent_id = ? WHERE call_id = ?"),
        CALLBACK("UPDATE call_record SET direction = 'CALLBACK', dialled_number = ? WHERE call_id = ?"),
        RECORDING("UPDATE call_record SET recording_file = COALESCE(recording_file, ?) WHERE call_id = ?"),
        VOICEMAIL("UPDATE call_record SET voicemail_file = COALESCE(voicemail_file, ?) WHERE call_id = ?"),
        TAKEN_OVER("UPDATE call_record SET handled_by_node = ? WHERE call_id = ? AND ended_at IS NULL"),
        ENDED("UPDATE call_record SET ended_at = COALESCE(ended_at, ?), outcome = COALESCE(outcome, ?) WHERE call_id = ?"),
        EVENT("INSERT INTO call_event (tenant_id, call_id, seq, type, occurred_at, agent_id, group_id, flow_node, node, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + AGAIN_IS_A_NO_OP);

        private final String sql;

        Statement(String sql) {
            this.sql = sql;
        }

        private static String moment(String column) {
            return "UPDATE call_record SET " + column + " = COALESCE(" + column + ", ?), group_id = COALESCE(?, group_id),"
                    + " agent_id = COALESCE(?, agent_id) WHERE call_id = ?";
        }

        static Map<String, String> inBatchOrder() {
            Map<String, String> sql = new LinkedHashMap<>();
            for (Statement statement : values()) {
                sql.put(statement.name(), statement.sql);
            }
            return sql;
        }
    }

    /** The moments of a call record that {@link #mark} sets. */
    public enum Moment {
        QUEUED(Statement.QUEUED), OFFERED(Statement.OFFERED), ANSWERED(Statement.ANSWERED);

        private final Statement statement;

        Moment(Statement statement) {
            this.statement = statement;
        }
    }

    @Resource(lookup = "java:jboss/datasources/AcdMasterDS")
    private DataSource master;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final Path dataFolder;
    private final String node;
    private final Clock clock;
    private volatile MasterJournal journal;

    @Inject
    public CallRecorder(@ConfigProperty(name = "jboss.server.data.dir") String dataFolder,
                        @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node, Clock clock) {
        this.dataFolder = Path.of(dataFolder);
        this.node = node;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected CallRecorder() {
        this.dataFolder = null;
        this.node = null;
        this.clock = null;
    }

    /** Opens the journal and drains what an earlier run left in it: before the first call. */
    public synchronized void start() {
        if (journal == null) {
            try {
                journal = MasterJournal.open(JOURNAL, dataFolder, master, Statement.inBatchOrder(), node, clock, scheduler);
            } catch (IOException e) {
                throw new UncheckedIOException("the call records' journal cannot be opened in " + dataFolder, e);
            }
        }
    }

    public void callReceived(String callId, long tenantId, String serviceNumber, String caller, Instant at, String node) {
        append(Statement.RECORD, callId, tenantId, serviceNumber, caller, at, node);
    }

    /**
     * An outbound call's record: {@code callerId} stands where an inbound call's service number does
     * (the tenant's own number), {@code number} where its caller's does (the other party).
     */
    public void callPlaced(String callId, long tenantId, String callerId, String number, Instant at, String node, Long groupId,
                           Long agentId) {
        append(Statement.OUTBOUND_RECORD, callId, tenantId, callerId, number, at, node, number, groupId, agentId);
    }

    /** Sets a moment of the call record the first time only. */
    public void mark(String callId, Moment moment, Instant at, Long groupId, Long agentId) {
        append(moment.statement, at, groupId, agentId, callId);
    }

    /** A transfer gave the call to another agent: the record names it from now on. */
    public void agentChanged(String callId, long agentId) {
        append(Statement.AGENT, agentId, callId);
    }

    /** The caller chose a callback to {@code number}: the record is a callback's from now on. */
    public void callback(String callId, String number) {
        append(Statement.CALLBACK, number, callId);
    }

    /** The call's two-channel recording is being written to this file of storage-service. */
    public void recording(String callId, String file) {
        append(Statement.RECORDING, file, callId);
    }

    /** The caller's message is being written to this file of storage-service. */
    public void voicemail(String callId, String file) {
        append(Statement.VOICEMAIL, file, callId);
    }

    /** The call's node left the cluster and {@code node} took the call over: the record names the node holding it now. */
    public void takenOver(String callId, String node) {
        append(Statement.TAKEN_OVER, node, callId);
    }

    public void ended(String callId, String outcome, Instant at) {
        append(Statement.ENDED, at, outcome, callId);
    }

    public void event(String callId, long tenantId, int seq, String type, Instant at, Long groupId, Long agentId,
                      String flowNode, String node, String detailJson) {
        append(Statement.EVENT, tenantId, callId, seq, type, at, agentId, groupId, flowNode, node, detailJson);
    }

    private void append(Statement statement, Object... parameters) {
        journal.append(JournaledStatement.of(statement.name(), parameters));
    }

    /** The journal's backlog and dead letters, for the health document; empty before {@link #start()}. */
    public Optional<JsonObject> figures() {
        MasterJournal open = journal;
        return open == null ? Optional.empty() : Optional.of(open.figures());
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

    @PreDestroy
    void stop() {
        if (journal != null) {
            journal.close();
        }
    }
}
