package io.verbund.acd.telephony.call;

import io.verbund.acd.routing.QueueEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * When nodes leave the cache cluster, their waiting callers with a confirmed dialog (answered on
 * queue) and their callers talking to an agent go on at a survivor ({@link CallTakeovers}); the
 * others are taken out of the replicated queue and their calls' records end FAILED: their signalling died with their node, and nothing else
 * would ever end them. Which node held a call is in its call record ({@code handled_by_node}). The
 * agents those calls held are released by their leases ({@link LeaseWatch}, reason NODE_LEFT).
 */
@ApplicationScoped
public class DepartedNodeCalls {

    private static final Logger LOG = Logger.getLogger(DepartedNodeCalls.class.getName());

    @Resource(lookup = "java:jboss/datasources/AcdMasterDS")
    private DataSource master;

    private final ClusterMembers members;
    private final QueueStore queue;
    private final CallHistory history;
    private final CallerDialogs dialogs;
    private final CallTakeovers takeovers;
    private Set<String> lastSeen;

    @Inject
    public DepartedNodeCalls(ClusterMembers members, QueueStore queue, CallHistory history, CallerDialogs dialogs, CallTakeovers takeovers) {
        this.members = members;
        this.queue = queue;
        this.history = history;
        this.dialogs = dialogs;
        this.takeovers = takeovers;
    }

    protected DepartedNodeCalls() {
        this(null, null, null, null, null);
    }

    /**
     * Called on every distribution tick, on the tick's thread (writes to the caches from
     * Infinispan's own notification threads failed in WildFly's marshalling); does work only when
     * members have left since the last sweep that succeeded, and tries again on the next tick when
     * the database or the cache (still changing its topology) refused.
     */
    public synchronized void sweep(Instant now) {
        Optional<Set<String>> current = members.names();
        if (current.isEmpty()) {
            return;
        }
        Set<String> departed = new HashSet<>(lastSeen == null ? Set.of() : lastSeen);
        departed.removeAll(current.get());
        if (!departed.isEmpty()) {
            try {
                release(departed, current.get(), now);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "calls of departed nodes " + departed + " not released yet, trying again: " + e.getMessage());
                return;
            }
        }
        lastSeen = current.get();
    }

    /**
     * Runs {@code hangUp} while no sweep runs: a caller of another node that hangs up here
     * ({@link StrandedCallers}) is then either taken over already or never will be.
     */
    synchronized <T> T betweenSweeps(Supplier<T> hangUp) {
        return hangUp.get();
    }

    private void release(Set<String> departed, Set<String> survivors, Instant now) throws SQLException {
        // Calls that can move go on at one survivor each; the rest leave the queue.
        Set<String> moving = new HashSet<>();
        for (CallerDialog dialog : dialogs.heldBy(departed)) {
            moving.add(dialog.callId());
            if (!takeovers.isTakerOf(dialog.callId(), survivors)) {
                continue;
            }
            if (dialog.isTalking()) {
                takeovers.takeOverTalking(dialog);
            } else {
                takeovers.takeOver(dialog);
            }
        }
        // Waiting callers first: left in the queue they would stand at the head of their group for
        // ever, since the distributor never jumps a caller another node holds.
        for (QueueEntry entry : queue.heldBy(departed)) {
            if (!moving.contains(entry.callId()) && queue.take(entry)) {
                LOG.warning("waiting caller " + entry.callId() + " left the queue: its node " + entry.node() + " left the cluster");
            }
        }
        Set<String> lost = openCallsOf(departed);
        lost.removeAll(moving);
        lost.forEach(callId -> history.lostWithItsNode(callId, now));
        LOG.warning("cluster members " + departed + " left: " + moving.size() + " of their waiting and talking callers go on at a survivor, "
                + lost.size() + " of their calls ended FAILED");
    }

    /** Calls the departed nodes had not ended: their records are the only trace of who held them. */
    private Set<String> openCallsOf(Set<String> departed) throws SQLException {
        Set<String> open = new HashSet<>();
        try (Connection connection = master.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT call_id FROM call_record WHERE handled_by_node = ? AND ended_at IS NULL")) {
            for (String node : departed) {
                query.setString(1, node);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        open.add(rows.getString(1));
                    }
                }
            }
        }
        return open;
    }
}
