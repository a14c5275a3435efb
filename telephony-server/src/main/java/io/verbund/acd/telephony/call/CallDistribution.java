package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.call.CallPhase;
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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs acd-core's {@link Distributor} for this node, on one thread of its own: a pass starts the
 * moment the {@link DistributionSignal} is raised (event-driven: agent ready, wrap-up over, caller
 * queued, offer or call ended, phone registered, group changed), and once a second as a safety net.
 * One thread means passes never overlap on a node; across nodes the core's compare-and-set and
 * conditional remove keep every decision single.
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

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final CallSessions sessions;
    private final AgentStates agents;
    private final Registrations registrations;
    private final AgentLegs agentLegs;
    private final DistributionSignal signal;
    private final Clock clock;
    private final ConfigurationChanges configuration;
    private final Distributor distributor;
    private final Runnable onConfigurationChange;
    private volatile boolean running;
    private Thread thread;

    @Inject
    public CallDistribution(QueueStore queue, AgentStates agents, Registrations registrations, CallSessions sessions,
                            AgentLegs agentLegs, DistributionSignal signal, ConfigurationChanges configuration, Clock clock,
                            @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.sessions = sessions;
        this.agents = agents;
        this.registrations = registrations;
        this.agentLegs = agentLegs;
        this.signal = signal;
        this.configuration = configuration;
        this.onConfigurationChange = signal == null ? null : signal::raise;
        this.clock = clock;
        this.distributor = queue == null ? null : new Distributor(node, clock, agents, queue,
                (member, now) -> member instanceof GroupMember phone && registrations.active(phone.sipUsername(), now).isPresent(),
                this);
    }

    protected CallDistribution() {
        this(null, null, null, null, null, null, null, null, null);
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
        Duration blocked = Duration.between(clock.instant(), after.blockedUntil());
        if (blocked.isNegative() || blocked.isZero()) {
            signal.raise();
        } else {
            scheduler.schedule(signal::raise, blocked.toMillis() + 1, TimeUnit.MILLISECONDS);
        }
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
                signal.await(SAFETY_TICK);
                onePass();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "distribution pass failed: " + e.getMessage(), e);
            }
        }
    }

    /** Serves every group in which this node holds a waiting caller. */
    void onePass() {
        Map<Long, GroupSettings> groups = new LinkedHashMap<>();
        for (AcdCall call : sessions.all()) {
            synchronized (call) {
                if (call.state.is(CallPhase.QUEUED) && call.group != null) {
                    groups.putIfAbsent(call.group.id(), call.group);
                }
            }
        }
        for (GroupSettings group : groups.values()) {
            try {
                distributor.serve(group);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "distribution in group " + group.name() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Rings the reserved agents' phones for a caller the core took out of the queue. An agent whose
     * phone lost its registration since it was ranked is freed at once; a caller that left
     * meanwhile frees them all.
     */
    @Override
    public void offer(QueueEntry caller, RoutingGroup group, List<Reservation> reserved) {
        Instant now = clock.instant();
        Optional<AcdCall> call = sessions.byCaller(caller.callId());
        List<OfferTarget> targets = new ArrayList<>();
        for (Reservation reservation : reserved) {
            AgentStatus status = reservation.reserved();
            Optional<Binding> phone = call.isEmpty() || !(reservation.member() instanceof GroupMember member) ? Optional.empty()
                    : registrations.active(member.sipUsername(), now);
            if (phone.isEmpty()) {
                agents.compareAndSet(status, status.offerNotTaken(false, 0, 0, now));
            } else {
                targets.add(new OfferTarget(status, phone.get(), reservation.why()));
            }
        }
        call.ifPresent(found -> agentLegs.offer(found, found.group, targets));
    }
}
