package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentLease;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.ReleaseReason;
import io.verbund.acd.call.CallPhase;
import io.verbund.acd.telephony.registrar.Registrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps agents and this node's calls consistent with each other, once a second and whenever an
 * agent's status or a phone's registration changes:
 * <ul>
 * <li>an agent whose lease on a call ended ({@link AgentLease}: its call is gone from this node,
 * its phone unregistered, the node holding the call left the cluster) is released;</li>
 * <li>a call of this node whose agent is no longer engaged with it (a supervisor forced the agent
 * out, or its lease ended) lets go of the agent: a ringing offer is withdrawn and the caller goes
 * back to its place in the queue; a connected call ends on both legs.</li>
 * </ul>
 * So an agent never stays RESERVED, RINGING or ON_CALL for a call that nobody will end.
 */
@ApplicationScoped
public class LeaseWatch {

    private static final Logger LOG = Logger.getLogger(LeaseWatch.class.getName());
    /** A fresh engagement is left alone this long: the reservation is stored before the offer is set up. */
    static final Duration GRACE = Duration.ofSeconds(2);

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final AgentStates agents;
    private final CallSessions sessions;
    private final ClusterMembers members;
    private final Registrations registrations;
    private final AgentReleases releases;
    private final AgentLegs agentLegs;
    private final InboundCalls calls;
    private final Clock clock;
    private final AgentLease lease;
    private final AtomicBoolean checkAsked = new AtomicBoolean();

    @Inject
    public LeaseWatch(AgentStates agents, CallSessions sessions, ClusterMembers members, Registrations registrations,
                      AgentReleases releases, AgentLegs agentLegs, InboundCalls calls, Clock clock,
                      @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.agents = agents;
        this.sessions = sessions;
        this.members = members;
        this.registrations = registrations;
        this.releases = releases;
        this.agentLegs = agentLegs;
        this.calls = calls;
        this.clock = clock;
        this.lease = new AgentLease(node, GRACE);
    }

    protected LeaseWatch() {
        this(null, null, null, null, null, null, null, null, "node");
    }

    /** Watches agent statuses and registrations from now on; the node calls it once at start. */
    public void start() {
        agents.watch((key, before, after, local) -> {
            if (before != null && before.state().isEngaged() && (after == null || !after.state().isEngaged())) {
                askForCheck();
            }
        });
        registrations.watch((key, before, after, local) -> {
            if (after == null) {
                askForCheck();
            }
        });
    }

    /** A check soon, on a managed thread: cache listeners must not do the work themselves. */
    private void askForCheck() {
        if (checkAsked.compareAndSet(false, true)) {
            executor.execute(() -> {
                checkAsked.set(false);
                check();
            });
        }
    }

    /** One look at every agent and every call of this node. Safe to run concurrently with itself. */
    public void check() {
        try {
            Instant now = clock.instant();
            releaseExpiredLeases(now);
            letGoOfDepartedAgents(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lease check failed: " + e.getMessage(), e);
        }
    }

    private void releaseExpiredLeases(Instant now) {
        Set<String> cluster = members.names().orElse(Set.of());
        Set<AgentKey> registered = null;
        for (AgentStatus status : agents.all()) {
            if (!status.state().isEngaged()) {
                continue;
            }
            if (registered == null) {
                registered = registrations.agentsRegistered(now);
            }
            Optional<ReleaseReason> ended = lease.expired(status, cluster, this::involves, registered.contains(status.agent()), now);
            ended.ifPresent(reason -> releases.release(status, reason));
        }
    }

    private boolean involves(String callId, AgentKey agent) {
        return sessions.byCaller(callId).map(call -> {
            synchronized (call) {
                return call.involves(agent);
            }
        }).orElse(false);
    }

    /** Calls of this node whose agent is no longer engaged with them. */
    private void letGoOfDepartedAgents(Instant now) {
        for (AcdCall call : sessions.all()) {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    if (call.state.is(CallPhase.OFFERING)) {
                        for (AgentOffer offer : List.copyOf(call.offers)) {
                            AgentStatus status = agents.current(offer.agent(), now);
                            if (!status.isEngagedWith(call.callId)) {
                                agentLegs.offerLost(call, offer, status);
                            }
                        }
                    } else if (call.state.is(CallPhase.CONNECTED) && call.hasAgent()) {
                        AgentStatus status = agents.current(call.agent(), now);
                        if (!status.isEngagedWith(call.callId)) {
                            calls.endBecauseAgentLeft(call, status);
                        }
                    }
                }
            }
        }
    }
}
