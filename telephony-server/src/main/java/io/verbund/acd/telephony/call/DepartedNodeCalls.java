package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * When nodes leave the cache cluster, frees the agents their calls held (reserved, ringing or
 * talking): those calls' signalling died with their node, and nothing would ever end them, so the
 * agents would stay busy for good and the ACD would quietly lose their capacity. Which node held a
 * call is in its call record ({@code handled_by_node}); the calls' records end FAILED.
 */
@ApplicationScoped
public class DepartedNodeCalls {

    private static final Logger LOG = Logger.getLogger(DepartedNodeCalls.class.getName());
    private static final Set<AgentState> HELD = EnumSet.of(AgentState.RESERVED, AgentState.RINGING, AgentState.ON_CALL);

    @Resource(lookup = "java:jboss/datasources/AcdMasterDS")
    private DataSource master;

    private final ClusterMembers members;
    private final AgentStates agents;
    private final CallSessions sessions;
    private final CallHistory history;
    private Set<String> lastSeen;

    @Inject
    public DepartedNodeCalls(ClusterMembers members, AgentStates agents, CallSessions sessions, CallHistory history) {
        this.members = members;
        this.agents = agents;
        this.sessions = sessions;
        this.history = history;
    }

    protected DepartedNodeCalls() {
        this(null, null, null, null);
    }

    /** Called on every distribution tick; does work only when members have left since the last one. */
    public synchronized void sweep(Instant now) {
        Optional<Set<String>> current = members.names();
        if (current.isEmpty()) {
            return;
        }
        Set<String> departed = new HashSet<>(lastSeen == null ? Set.of() : lastSeen);
        departed.removeAll(current.get());
        lastSeen = current.get();
        if (departed.isEmpty()) {
            return;
        }
        Set<String> lost;
        try {
            lost = openCallsOf(departed);
        } catch (SQLException e) {
            // Try again on the next tick: the departed nodes are still gone then.
            lastSeen = null;
            LOG.log(Level.WARNING, "cannot read the calls of departed nodes " + departed + ": " + e.getMessage());
            return;
        }
        int freed = 0;
        for (AgentStatus status : agents.all()) {
            if (!HELD.contains(status.state()) || status.callId().isEmpty()) {
                continue;
            }
            String callId = status.callId().get();
            if (lost.contains(callId) && sessions.byCaller(callId).isEmpty() && agents.compareAndSet(status, freed(status, now))) {
                freed++;
                LOG.warning("agent " + status.agent() + " freed: call " + callId + " ended with its node " + departed);
            }
        }
        lost.forEach(callId -> history.lostWithItsNode(callId, now));
        LOG.warning("cluster members " + departed + " left: " + lost.size() + " of their calls ended FAILED, " + freed + " agents freed");
    }

    private static AgentStatus freed(AgentStatus status, Instant now) {
        return status.state() == AgentState.ON_CALL ? status.endCall(0, now) : status.offerNotTaken(false, 0, 0, now);
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
