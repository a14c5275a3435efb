package io.verbund.acd.telephony.call;

import io.micrometer.core.instrument.Timer;
import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.routing.RoutingDecision;
import io.verbund.acd.routing.AgentBoard;
import io.verbund.acd.routing.Distributor;
import io.verbund.acd.routing.OfferDesk;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.routing.Reservation;
import io.verbund.acd.routing.RoutingGroup;
import io.verbund.acd.telephony.directory.GroupMember;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.registrar.Binding;
import io.verbund.acd.telephony.registrar.Registrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import io.verbund.acd.runtime.config.ConfigurationChanges;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs acd-core's {@link Distributor} for this node, on one thread of its own: a pass starts the
 * moment the {@link DistributionSignal} is raised (event-driven: agent ready, wrap-up over, caller
 * queued, offer or call ended, phone registered, group changed), and once a second as a safety net.
 * Another node's caller leaving the queue starts a pass too: the agent it kept from this node's
 * passes may now be free for them. One thread means passes never overlap on a node; across nodes the core's
 * compare-and-set and conditional remove keep every decision single.
 *
 * <p>The adapter side of the core's ports: the queue ({@link QueueStore}), the agents
 * ({@link AgentStates}), registered phones ({@link Registrations}) and, as the {@link OfferDesk},
 * ringing the reserved phones through {@link AgentLegs}.
 */
@ApplicationScoped
public class CallDistribution implements OfferDesk {

    private static final Logger LOG = Logger.getLogger(CallDistribution.class.getName());
    /** The safety net: events start passes; this catches anything an event missed. */
    static final Duration SAFETY_TICK = Duration.ofSeconds(1);

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    private ManagedThreadFactory threads;

    private final CallSessions sessions;
    private final QueueStore queue;
    private final Set<String> thisNode;
    private final AgentStates agents;
    private final Registrations registrations;
    private final AgentLegs agentLegs;
    private final DistributionSignal signal;
    private final Clock clock;
    private final ConfigurationChanges configuration;
    private final Distributor distributor;
    private final Runnable onConfigurationChange;
    private final Timer passes;
    /**
     * Agents this node has reserved and whose offer is still being set up: their lease is this
     * node's to keep, however long a loaded node takes to ring them ({@link LeaseWatch} skips them).
     */
    private final Set<AgentKey> offering = ConcurrentHashMap.newKeySet();
    /** When redial delays run out: a pass is due then, without any event. */
    private final NavigableSet<Instant> wakeUps = new ConcurrentSkipListSet<>();
    private volatile boolean running;
    private Thread thread;

    @Inject
    public CallDistribution(QueueStore queue, AgentStates agents, Registrations registrations, CallSessions sessions,
                            AgentLegs agentLegs, DistributionSignal signal, ConfigurationChanges configuration, RoutingTallies tallies,
                            CallMeters meters, Clock clock, @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.sessions = sessions;
        this.queue = queue;
        this.thisNode = node == null ? Set.of() : Set.of(node);
        this.agents = agents;
        this.registrations = registrations;
        this.agentLegs = agentLegs;
        this.signal = signal;
        this.configuration = configuration;
        this.onConfigurationChange = signal == null ? null : signal::raise;
        this.clock = clock;
        this.passes = meters == null ? null : meters.distributorPasses();
        this.distributor = queue == null ? null : new Distributor(node, clock, new TrackedReservations(agents), queue,
                (member, now) -> member instanceof GroupMember phone && registrations.active(phone.sipUsername(), now).isPresent(),
                tallies, tallies, this);
    }

    /**
     * The agent of {@code group} its strategy picks for an agent's consultation now, reserved for
     * the call; empty when no member is free ({@link Distributor#reserveForConsultation}).
     */
    public Optional<Reservation> reserveForConsultation(GroupSettings group, String callId) {
        return distributor.reserveForConsultation(group, group.tenant(), callId);
    }

    protected CallDistribution() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Starts the distribution thread and the events that wake it; the node calls it once its SIP
     * endpoint is up. Callers queued, offers and calls ended raise the signal themselves.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        agents.watch((key, before, after, local) -> agentChanged(before, after));
        registrations.watch((key, before, after, local) -> {
            if (after != null && (before == null || !before.contact().equals(after.contact()))) {
                signal.raise();
            }
        });
        queue.watch((key, before, after, originLocal) -> {
            // A caller another node holds keeps the agent it would get from this node's passes.
            // Once it leaves the queue (offered there, or hung up), that agent may be ours to offer,
            // or one of our callers first in line: look again now, not at the safety tick.
            if (before != null && after == null && !originLocal) {
                signal.raise();
            }
        });
        configuration.watch(onConfigurationChange);
        thread = threads.newThread(this::loop);
        thread.setName("acd-distribution");
        thread.start();
    }

    /**
     * An agent who became available (went ready, finished wrap-up, was released) is offered the
     * next caller now; one blocked by a redial delay at the moment the delay runs out.
     */
    private void agentChanged(AgentStatus before, AgentStatus after) {
        if (after == null || after.state() != AgentState.READY || (before != null && before.state() == AgentState.READY
                && before.blockedUntil().equals(after.blockedUntil()))) {
            return;
        }
        if (after.blockedUntil().isAfter(clock.instant())) {
            // Runs on a cache listener's thread: no executor here, just a note for the loop.
            wakeUps.add(after.blockedUntil());
        }
        signal.raise();
    }

    @PreDestroy
    synchronized void stop() {
        if (configuration != null) {
            configuration.stopWatching(onConfigurationChange);
        }
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                signal.await(untilNextWakeUp());
                long start = System.nanoTime();
                onePass();
                passes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "distribution pass failed: " + e.getMessage(), e);
            }
        }
    }

    /** The safety tick, or less when a redial delay runs out sooner. */
    private Duration untilNextWakeUp() {
        Instant now = clock.instant();
        wakeUps.headSet(now, true).clear();
        Instant next = wakeUps.isEmpty() ? null : wakeUps.first();
        Duration wait = next == null ? SAFETY_TICK : Duration.between(now, next).plusMillis(1);
        return wait.compareTo(SAFETY_TICK) < 0 ? wait : SAFETY_TICK;
    }

    /**
     * Serves every group in which this node holds a waiting caller. Found from the queue's mirror,
     * not by looking at every call: a node with hundreds of calls talking runs hundreds of passes a
     * second, most with one caller waiting or none.
     */
    void onePass() {
        Map<Long, GroupSettings> groups = new LinkedHashMap<>();
        List<QueueEntry> held = queue.heldBy(thisNode);
        for (QueueEntry waiting : held) {
            if (!groups.containsKey(waiting.groupId())) {
                // The group is set before the caller is queued and never changes while it waits.
                sessions.byCaller(waiting.callId()).map(call -> call.group).filter(group -> group != null)
                        .ifPresent(group -> groups.put(group.id(), group));
            }
        }
        try {
            // All at once: an agent in several groups takes the best caller of any of them.
            distributor.serve(groups.values());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "distribution in groups " + groups.keySet() + " failed: " + e.getMessage(), e);
        }
        wakeWhenCallersWiden(held, groups);
    }

    /**
     * A caller still waiting may be served the moment its wait reaches the next skill step (a wider
     * one finds more agents) or its last agent's first try ends: a pass is due exactly then.
     */
    private void wakeWhenCallersWiden(List<QueueEntry> held, Map<Long, GroupSettings> groups) {
        Instant now = clock.instant();
        for (QueueEntry waiting : held) {
            waiting.lastAgentUntil().filter(now::isBefore).ifPresent(wakeUps::add);
            GroupSettings group = groups.get(waiting.groupId());
            if (group != null && !group.requirements().steps().isEmpty()) {
                Duration waited = Duration.between(waiting.enteredAt(), now);
                group.requirements().nextChangeAfter(waited.isNegative() ? Duration.ZERO : waited)
                        .ifPresent(change -> wakeUps.add(waiting.enteredAt().plus(change)));
            }
        }
    }

    /** Whether this node reserved the agent and is still setting up its offer. */
    boolean isOffering(AgentKey agent) {
        return offering.contains(agent);
    }

    /** The agent board, noting which agents this node reserved until their offer is set up. */
    private final class TrackedReservations implements AgentBoard {

        private final AgentStates agents;

        TrackedReservations(AgentStates agents) {
            this.agents = agents;
        }

        @Override
        public AgentStatus current(AgentKey agent, Instant now) {
            return agents.current(agent, now);
        }

        @Override
        public boolean compareAndSet(AgentStatus expected, AgentStatus next) {
            boolean reserving = next.state() == AgentState.RESERVED;
            if (reserving) {
                // Noted before the write, so no lease check can see the reservation without it.
                offering.add(next.agent());
            }
            boolean written = agents.compareAndSet(expected, next);
            if (!written && reserving || written && expected.state() == AgentState.RESERVED) {
                offering.remove(next.agent());
            }
            return written;
        }
    }

    /**
     * Rings the reserved agents' phones for a caller the core took out of the queue. An agent whose
     * phone lost its registration since it was ranked is freed at once; a caller that left
     * meanwhile frees them all.
     */
    @Override
    public void offer(QueueEntry caller, RoutingGroup group, List<Reservation> reserved, RoutingDecision decision) {
        try {
            ring(caller, group, reserved, decision);
        } finally {
            reserved.forEach(reservation -> offering.remove(reservation.reserved().agent()));
        }
    }

    private void ring(QueueEntry caller, RoutingGroup group, List<Reservation> reserved, RoutingDecision decision) {
        Instant now = clock.instant();
        Optional<AcdCall> call = sessions.byCaller(caller.callId());
        List<OfferTarget> targets = new ArrayList<>();
        for (Reservation reservation : reserved) {
            AgentStatus status = reservation.reserved();
            Optional<Binding> phone = call.isEmpty() || !(reservation.member() instanceof GroupMember member) ? Optional.empty()
                    : registrations.active(member.sipUsername(), now);
            if (phone.isEmpty()) {
                // Its registration went since it was ranked: kept from offers for the group's unregistered delay.
                agents.compareAndSet(status, group instanceof GroupSettings settings ? settings.offerTerms().notSent(status, now)
                        : OfferTerms.withdrawn(status, now));
            } else {
                targets.add(new OfferTarget(status, phone.get(), reservation.why()));
            }
        }
        call.ifPresent(found -> agentLegs.offer(found, found.group, targets, decision));
    }
}
