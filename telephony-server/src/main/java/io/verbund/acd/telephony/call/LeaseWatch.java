package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentLease;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.ReleaseReason;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.call.CallPhase;
import io.verbund.acd.telephony.registrar.Registrations;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps agents and this node's calls consistent with each other, once a second and whenever an
 * agent's status or a phone's registration changes:
 * <ul>
 * <li>an agent whose lease on a call ended ({@link AgentLease}: its call is gone from this node,
 * its phone unregistered, the node holding the call left the cluster) is released, except while a
 * survivor takes its talking call over ({@link CallTakeovers});</li>
 * <li>a call of this node whose agent is no longer engaged with it (a supervisor forced the agent
 * out, or its lease ended) lets go of the agent: a ringing offer is withdrawn and the caller goes
 * back to its place in the queue; a connected call ends on both legs.</li>
 * </ul>
 * So an agent never stays RESERVED, RINGING or ON_CALL for a call that nobody will end.
 *
 * <p>Runs on a thread of its own, created at start-up with the deployment's context: the cache
 * listeners that ask for a check run on Infinispan's threads, and cache writes from work they hand
 * to a managed executor fail in WildFly's marshalling (the thread context is Infinispan's module).
 */
@ApplicationScoped
public class LeaseWatch {

    private static final Logger LOG = Logger.getLogger(LeaseWatch.class.getName());
    /** A fresh engagement is left alone this long: the reservation is stored before the offer is set up. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /** How often the check runs when nothing asks for it. */
    static final Duration PERIOD = Duration.ofSeconds(1);

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    private ManagedThreadFactory threads;

    private final AgentStates agents;
    private final CallSessions sessions;
    private final ClusterMembers members;
    private final Registrations registrations;
    private final AgentReleases releases;
    private final AgentLegs agentLegs;
    private final InboundCalls calls;
    private final CallDistribution distribution;
    private final TelephonyDirectory directory;
    private final CallerDialogs dialogs;
    private final Clock clock;
    private final AgentLease lease;
    /** Holds one token while a check is asked for: asking again meanwhile changes nothing. */
    private final BlockingQueue<Boolean> asked = new ArrayBlockingQueue<>(1);
    /** Calls of this node whose agent left them: looked at next, before the periodic full check. */
    private final Queue<String> callsToLookAt = new ConcurrentLinkedQueue<>();
    private volatile boolean fullCheckAsked;
    private volatile Thread thread;

    @Inject
    public LeaseWatch(AgentStates agents, CallSessions sessions, ClusterMembers members, Registrations registrations,
                      AgentReleases releases, AgentLegs agentLegs, InboundCalls calls, CallDistribution distribution,
                      TelephonyDirectory directory, CallerDialogs dialogs, Clock clock, @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.agents = agents;
        this.sessions = sessions;
        this.members = members;
        this.registrations = registrations;
        this.releases = releases;
        this.agentLegs = agentLegs;
        this.calls = calls;
        this.distribution = distribution;
        this.directory = directory;
        this.dialogs = dialogs;
        this.clock = clock;
        this.lease = new AgentLease(node, GRACE);
    }

    protected LeaseWatch() {
        this(null, null, null, null, null, null, null, null, null, null, null, "node");
    }

    /** Starts the check's thread and watches agent statuses and registrations; the node calls it once at start. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = threads.newThread(this::loop);
        thread.setName("acd-agent-leases");
        thread.start();
        agents.watch((key, before, after, local) -> {
            // Only the call the agent was engaged with can have lost its agent: one look at that
            // call (a call the call path is ending is found ended), not a check of every call.
            if (before != null && before.state().isEngaged() && before.callId().isPresent()
                    && (after == null || !after.isEngagedWith(before.callId().get()))
                    && sessions.byCaller(before.callId().get()).isPresent()) {
                callsToLookAt.add(before.callId().get());
                asked.offer(Boolean.TRUE);
            }
        });
        registrations.watch((key, before, after, local) -> {
            if (after == null) {
                fullCheckAsked = true;
                asked.offer(Boolean.TRUE);
            }
        });
    }

    @PreDestroy
    synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    private void loop() {
        Instant lastFullCheck = Instant.MIN;
        while (thread != null) {
            try {
                asked.poll(PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                for (String callId = callsToLookAt.poll(); callId != null; callId = callsToLookAt.poll()) {
                    Instant now = clock.instant();
                    sessions.byCaller(callId).ifPresent(call -> letGoOfDepartedAgents(call, now));
                }
                Instant now = clock.instant();
                if (fullCheckAsked || !now.isBefore(lastFullCheck.plus(PERIOD))) {
                    fullCheckAsked = false;
                    lastFullCheck = now;
                    check();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "lease check failed: " + e.getMessage(), e);
            }
        }
    }

    /** One look at every agent and every call of this node. */
    void check() {
        try {
            Instant now = clock.instant();
            lookAtEveryAgent(now);
            letGoOfDepartedAgents(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lease check failed: " + e.getMessage(), e);
        }
    }

    /**
     * One look at every agent's status: an engaged agent whose lease ended is released; a pause
     * past its reason's limit ends (READY again). Every node looks; of two doing the same, one wins.
     */
    private void lookAtEveryAgent(Instant now) {
        Set<String> cluster = members.names().orElse(Set.of());
        Set<AgentKey> registered = null;
        for (AgentStatus status : agents.all()) {
            if (status.state() == AgentState.PAUSED) {
                directory.pauseLimits(status.agent().tenant()).overrun(status, now).ifPresent(ready -> releases.endPause(status, ready));
                continue;
            }
            if (!status.state().isEngaged() || distribution.isOffering(status.agent())) {
                continue;
            }
            if (registered == null) {
                registered = registrations.agentsRegistered(now);
            }
            Optional<ReleaseReason> ended = lease.expired(status, cluster, this::involves, registered.contains(status.agent()), now);
            if (ended.equals(Optional.of(ReleaseReason.NODE_LEFT)) && dialogs.movesToASurvivor(status.callId().orElseThrow(), cluster)) {
                // Its call goes on at a survivor, which moves the agent's lease there (or frees the agent if it cannot).
                continue;
            }
            ended.ifPresent(reason -> releases.release(status, reason));
        }
    }

    private boolean involves(String callId, AgentKey agent) {
        return sessions.byCaller(callId).map(call -> {
            synchronized (call) {
                return call.state.involves(agent);
            }
        }).orElse(false);
    }

    /** Calls of this node whose agent is no longer engaged with them. */
    private void letGoOfDepartedAgents(Instant now) {
        for (AcdCall call : sessions.all()) {
            letGoOfDepartedAgents(call, now);
        }
    }

    private void letGoOfDepartedAgents(AcdCall call, Instant now) {
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                if (call.state.is(CallPhase.OFFERING)) {
                    for (AgentOffer offer : List.copyOf(call.offers)) {
                        AgentStatus status = agents.current(offer.agent(), now);
                        if (!status.isEngagedWith(call.callId)) {
                            agentLegs.offerLost(call, offer, status);
                        }
                    }
                } else if ((call.state.is(CallPhase.CONNECTED) || call.state.is(CallPhase.DIALLING)) && call.hasAgent()) {
                    AgentStatus status = agents.current(call.agent(), now);
                    if (!status.isEngagedWith(call.callId)) {
                        calls.endBecauseAgentLeft(call, status);
                    }
                }
            }
        }
    }
}
