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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes call records and call events to the master through {@code AcdMasterDS}, in batches every
 * 100 ms from a managed thread. Every write is idempotent (unique call id, unique call id + seq), so
 * a batch that failed — the master went away — is simply written again later: nothing is lost
 * while the node runs.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());
    private static final int BATCH = 500;

    /** One idempotent write. */
    @FunctionalInterface
    interface Write {
        void apply(Connection connection) throws SQLException;
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
        pending.add(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO call_record"
                    + " (call_id, tenant_id, service_number, caller, received_at, handled_by_node) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, callId);
                insert.setLong(2, tenantId);
                insert.setString(3, serviceNumber);
                insert.setString(4, caller);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.setString(6, node);
                insert.executeUpdate();
            }
        });
    }

    /** Sets a moment of the call record ({@code queued_at}, {@code offered_at}, …) the first time only. */
    public void mark(String callId, String column, Instant at, Long groupId, Long agentId) {
        if (!List.of("queued_at", "offered_at", "answered_at").contains(column)) {
            throw new IllegalArgumentException("not a call record moment: " + column);
        }
        pending.add(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE call_record SET " + column + " = COALESCE("
                    + column + ", ?), group_id = COALESCE(?, group_id), agent_id = COALESCE(?, agent_id) WHERE call_id = ?")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setObject(2, groupId);
                update.setObject(3, agentId);
                update.setString(4, callId);
                update.executeUpdate();
            }
        });
    }

    public void ended(String callId, String outcome, Instant at) {
        pending.add(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE call_record SET ended_at = COALESCE(ended_at, ?), outcome = COALESCE(outcome, ?) WHERE call_id = ?")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, outcome);
                update.setString(3, callId);
                update.executeUpdate();
            }
        });
    }

    public void event(String callId, long tenantId, int seq, String type, Instant at, Long groupId, Long agentId,
                      String flowNode, String node, String detailJson) {
        pending.add(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO call_event (tenant_id, call_id,"
                    + " seq, type, occurred_at, agent_id, group_id, flow_node, node, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, tenantId);
                insert.setString(2, callId);
                insert.setInt(3, seq);
                insert.setString(4, type);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.setObject(6, agentId);
                insert.setObject(7, groupId);
                insert.setString(8, flowNode);
                insert.setString(9, node);
                insert.setString(10, detailJson);
                insert.executeUpdate();
            }
        });
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
        try (Connection connection = master.getConnection()) {
            connection.setAutoCommit(false);
            for (Write write : batch) {
                write.apply(connection);
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
