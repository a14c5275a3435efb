package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.routing.AvailableAgents;
import io.verbund.acd.routing.Candidate;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.routing.QueueOrder;
import io.verbund.acd.routing.RoutingStrategy;
import io.verbund.acd.telephony.directory.GroupMember;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.registrar.Binding;
import io.verbund.acd.telephony.registrar.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Matches waiting callers with ready agents. For each group with callers held by this node, takes
 * the first caller in queue order (across all nodes), ranks the ready, registered agents with the
 * group's strategy and reserves the first it can (conditional replace); then takes the caller out of
 * the queue (conditional remove) and hands the offer to the agent leg. Runs on a tick and whenever a
 * caller is queued or an offer ends, never on a SIP stack thread.
 */
@ApplicationScoped
public class Distributor {

    private static final Logger LOG = Logger.getLogger(Distributor.class.getName());

    private final QueueStore queue;
    private final AgentStates agents;
    private final Registrations registrations;
    private final CallSessions sessions;
    private final AgentLegs agentLegs;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean passRequested = new AtomicBoolean();

    @Inject
    public Distributor(QueueStore queue, AgentStates agents, Registrations registrations, CallSessions sessions, AgentLegs agentLegs) {
        this.queue = queue;
        this.agents = agents;
        this.registrations = registrations;
        this.sessions = sessions;
        this.agentLegs = agentLegs;
    }

    protected Distributor() {
        this(null, null, null, null, null);
    }

    /**
     * Serves every group in which this node holds a waiting caller. Calls that arrive while a pass
     * runs do not queue up behind it: they mark that another pass is needed, and the running one
     * goes round again, so a burst of calls costs a few passes, not one each.
     */
    public void distribute() {
        passRequested.set(true);
        while (passRequested.get() && running.compareAndSet(false, true)) {
            try {
                passRequested.set(false);
                onePass();
            } finally {
                running.set(false);
            }
        }
    }

    private void onePass() {
        Map<Long, GroupSettings> groups = new HashMap<>();
        for (AcdCall call : sessions.all()) {
            synchronized (call) {
                if (call.phase == AcdCall.Phase.QUEUED && call.group != null) {
                    groups.putIfAbsent(call.group.id(), call.group);
                }
            }
        }
        for (GroupSettings group : groups.values()) {
            try {
                serve(group);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "distribution in group " + group.name() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * One look at the group's queue and agents: callers in queue order, each offered to the best
     * agent still free. Stops at the first caller another node holds (it serves it; this node must
     * not jump the queue) or when no agent is left.
     */
    private void serve(GroupSettings group) {
        RoutingStrategy strategy = RoutingStrategy.named(group.strategy());
        Instant now = clock.instant();
        List<QueueEntry> waiting = new ArrayList<>(queue.waitingIn(group.id()));
        if (waiting.isEmpty()) {
            return;
        }
        waiting.sort(QueueOrder.FIRST_SERVED_FIRST);
        AvailableAgents free = new AvailableAgents(candidates(group, now), strategy.order());
        for (QueueEntry head : waiting) {
            if (free.isEmpty()) {
                return;
            }
            Optional<AcdCall> call = sessions.byCaller(head.callId());
            if (call.isEmpty() || !offer(call.get(), head, group, strategy, free, now)) {
                return;
            }
        }
    }

    /**
     * Reserves the best free agent (or, for ring-all, every free agent) for the caller at the head,
     * takes the caller out of the queue and rings the reserved phones.
     *
     * @return whether the caller is dealt with (offered, or taken meanwhile by another node); false when no agent could take it
     */
    private boolean offer(AcdCall call, QueueEntry head, GroupSettings group, RoutingStrategy strategy, AvailableAgents free, Instant now) {
        List<OfferTarget> targets = new ArrayList<>();
        if (strategy.ringsAllAtOnce()) {
            for (Candidate candidate : free.takeAll()) {
                reserve(call, head, group, strategy, candidate, now).ifPresent(targets::add);
            }
        } else {
            while (targets.isEmpty()) {
                Optional<Candidate> next = free.takeBest();
                if (next.isEmpty()) {
                    break;
                }
                reserve(call, head, group, strategy, next.get(), now).ifPresent(targets::add);
            }
        }
        if (targets.isEmpty()) {
            return false;
        }
        if (!queue.take(head)) {
            targets.forEach(target -> agents.compareAndSet(target.reserved(), target.reserved().offerNotTaken(false, 0, 0, now)));
            return true;
        }
        agentLegs.offer(call, group, targets);
        return true;
    }

    /** The agent reserved for this call by a conditional replace: empty when someone else changed it first. */
    private Optional<OfferTarget> reserve(AcdCall call, QueueEntry head, GroupSettings group, RoutingStrategy strategy,
                                          Candidate candidate, Instant now) {
        AgentStatus ready = candidate.status();
        Optional<Binding> phone = registrations.active(group.member(ready.agent().extension()).sipUsername(), now);
        if (phone.isEmpty()) {
            return Optional.empty();
        }
        AgentStatus reserved = ready.reserve(call.callId, now);
        if (!agents.compareAndSet(ready, reserved)) {
            return Optional.empty();
        }
        return Optional.of(new OfferTarget(reserved, phone.get(), strategy.explain(candidate, head, now)));
    }

    private List<Candidate> candidates(GroupSettings group, Instant now) {
        List<Candidate> available = new ArrayList<>();
        for (GroupMember member : group.members()) {
            AgentStatus status = agents.current(member.agent(), now);
            if (status.isAvailable(now) && registrations.active(member.sipUsername(), now).isPresent()) {
                available.add(new Candidate(status, member.penalty(), member.proficiency()));
            }
        }
        return available;
    }


}
