package io.verbund.acd.telephony.record;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes call records and call events to the master through {@code AcdMasterDS}, in batches every
 * 100 ms from a managed thread: one JDBC batch per kind of statement, so a burst costs a few round
 * trips, not one per write. Every write is idempotent (unique call id, unique call id + seq, and
 * moments set only once), so a batch that failed — the master went away — is simply written again
 * later: nothing is lost while the node runs.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());
    private static final int BATCH = 5000;

    /**
     * The statements, in the order a batch runs them: a record is inserted before any update of it
     * in the same batch, and the queue keeps a call's writes in order across batches.
     */
    enum Statement {
        RECORD("INSERT IGNORE INTO call_record (call_id, tenant_id, service_number, caller, received_at, handled_by_node)"
                + " VALUES (?, ?, ?, ?, ?, ?)"),
        QUEUED(moment("queued_at")),
        OFFERED(moment("offered_at")),
        ANSWERED(moment("answered_at")),
        AGENT("UPDATE call_record SET agent_id = ? WHERE call_id = ?"),
        RECORDING("UPDATE call_record SET recording_file = COALESCE(recording_file, ?) WHERE call_id = ?"),
        VOICEMAIL("UPDATE call_record SET voicemail_file = COALESCE(voicemail_file, ?) WHERE call_id = ?"),
        ENDED("UPDATE call_record SET ended_at = COALESCE(ended_at, ?), outcome = COALESCE(outcome, ?) WHERE call_id = ?"),
        EVENT("INSERT IGNORE INTO call_event (tenant_id, call_id, seq, type, occurred_at, agent_id, group_id, flow_node, node, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

        private final String sql;

        Statement(String sql) {
            this.sql = sql;
        }

        private static String moment(String column) {
            return "UPDATE call_record SET " + column + " = COALESCE(" + column + ", ?), group_id = COALESCE(?, group_id),"
                    + " agent_id = COALESCE(?, agent_id) WHERE call_id = ?";
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

    /** One idempotent write: a statement and its parameters. */
    record Write(Statement statement, Object... values) {
    }

    @Resource(lookup = "java:jboss/datasources/AcdMasterDS")
    private DataSource master;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final ConcurrentLinkedQueue<Write> pending = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Write> retry = new ArrayDeque<>();
    private volatile ScheduledFuture<?> flusher;

    public synchronized void start() {
        if (flusher == null) {
            flusher = scheduler.scheduleWithFixedDelay(this::flush, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    public void callReceived(String callId, long tenantId, String serviceNumber, String caller, Instant at, String node) {
        pending.add(new Write(Statement.RECORD, callId, tenantId, serviceNumber, caller, Timestamp.from(at), node));
    }

    /** Sets a moment of the call record the first time only. */
    public void mark(String callId, Moment moment, Instant at, Long groupId, Long agentId) {
        pending.add(new Write(moment.statement, Timestamp.from(at), groupId, agentId, callId));
    }

    /** A transfer gave the call to another agent: the record names it from now on. */
    public void agentChanged(String callId, long agentId) {
        pending.add(new Write(Statement.AGENT, agentId, callId));
    }

    /** The call's two-channel recording is being written to this file of storage-service. */
    public void recording(String callId, String file) {
        pending.add(new Write(Statement.RECORDING, file, callId));
    }

    /** The caller's message is being written to this file of storage-service. */
    public void voicemail(String callId, String file) {
        pending.add(new Write(Statement.VOICEMAIL, file, callId));
    }

    public void ended(String callId, String outcome, Instant at) {
        pending.add(new Write(Statement.ENDED, Timestamp.from(at), outcome, callId));
    }

    public void event(String callId, long tenantId, int seq, String type, Instant at, Long groupId, Long agentId,
                      String flowNode, String node, String detailJson) {
        pending.add(new Write(Statement.EVENT, tenantId, callId, seq, type, Timestamp.from(at), agentId, groupId, flowNode, node, detailJson));
    }

    /** Writes are not yet in the database: for health and for tests that wait for them. */
    public synchronized int backlog() {
        return pending.size() + retry.size();
    }

    synchronized void flush() {
        List<Write> batch = new ArrayList<>(retry);
        retry.clear();
        Write next;
        while (batch.size() < BATCH && (next = pending.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<Statement, List<Write>> byStatement = new EnumMap<>(Statement.class);
        batch.forEach(write -> byStatement.computeIfAbsent(write.statement(), kind -> new ArrayList<>()).add(write));
        try (Connection connection = master.getConnection()) {
            connection.setAutoCommit(false);
            for (Map.Entry<Statement, List<Write>> kind : byStatement.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(kind.getKey().sql)) {
                    for (Write write : kind.getValue()) {
                        for (int i = 0; i < write.values().length; i++) {
                            statement.setObject(i + 1, write.values()[i]);
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            retry.addAll(batch);
            LOG.log(Level.WARNING, "call records not written yet (" + batch.size() + " pending, retrying): " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        flush();
    }
}
