package io.verbund.acd.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What keeps an engaged agent engaged. An agent RESERVED, RINGING or ON_CALL holds a lease on its
 * call, which lasts as long as three things do: the telephony node named in its status is in the
 * cluster, that node still holds the call with this agent in it (offered, answering or talking),
 * and the agent's phone is registered. In WRAP_UP only the node matters (it runs the wrap-up
 * timer). When one of them fails, the agent is released ({@link AgentStatus#release}) with the
 * reason, so no agent stays busy for a call nobody will ever end.
 *
 * <p>Each node judges the agents whose calls it holds, and every node judges those of a node that
 * left (the compare-and-set lets one of them win). A fresh engagement gets a moment of grace: the
 * reservation is stored before the offer is set up.
 *
 * <p>The other direction: the node holding a call checks that each agent in it is still
 * {@linkplain AgentStatus#isEngagedWith engaged with it}. An agent a supervisor forced away, or whose
 * lease ended, is not, and the node withdraws its offer or ends the call. (An agent's status may lag
 * a moment behind its answer, still RESERVED or RINGING for the call: that is engaged too.)
 */
public final class AgentLease {

    private final String thisNode;
    private final Duration grace;

    /**
     * @param thisNode the node judging, which releases only the agents of its own calls (and of departed nodes)
     * @param grace    how long a fresh engagement is left alone
     */
    public AgentLease(String thisNode, Duration grace) {
        this.thisNode = Objects.requireNonNull(thisNode, "thisNode");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /** The calls this node holds, as far as leases are concerned. */
    @FunctionalInterface
    public interface HeldCalls {
        /** Whether this node holds {@code callId} and the agent is in it: offered, answering or talking. */
        boolean involves(String callId, AgentKey agent);
    }

    /**
     * Why the agent's lease ended, or empty while it holds (or it is not this node's to judge).
     *
     * @param members         the nodes in the cluster now; empty when unknown, and then nobody is said to have left
     * @param phoneRegistered whether the agent's phone has an active registration
     */
    public Optional<ReleaseReason> expired(AgentStatus status, Set<String> members, HeldCalls calls, boolean phoneRegistered,
                                           Instant now) {
        AgentState state = status.state();
        if (!state.isEngaged() || status.node().isEmpty() || status.callId().isEmpty()) {
            return Optional.empty();
        }
        String holder = status.node().get();
        if (status.since().plus(grace).isAfter(now)) {
            // Also for a node missing from the view: one that has just joined may not be in every
            // member's view yet.
            return Optional.empty();
        }
        if (!members.isEmpty() && !members.contains(holder)) {
            return Optional.of(ReleaseReason.NODE_LEFT);
        }
        if (!holder.equals(thisNode) || state == AgentState.WRAP_UP) {
            return Optional.empty();
        }
        if (!calls.involves(status.callId().get(), status.agent())) {
            return Optional.of(ReleaseReason.CALL_GONE);
        }
        if (!phoneRegistered) {
            return Optional.of(ReleaseReason.PHONE_UNREGISTERED);
        }
        return Optional.empty();
    }
}
