package io.verbund.acd.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches waiting callers with ready agents, one group at a time. Takes the callers in queue order
 * (across all nodes), ranks the group's ready, registered agents with its strategy, reserves the
 * best it can by compare-and-set, takes the caller out of the queue by conditional remove, and
 * hands the reservations to the {@link OfferDesk}. Both writes are atomic cluster-wide, so an agent
 * is reserved for one caller and a caller taken once, however many nodes distribute at the same
 * moment.
 *
 * <p>Invariant: a node never jumps the queue. It stops at the first caller it does not hold (the
 * node that does serves it), so the longest-waiting caller of the highest priority is served first
 * whichever node it reached.
 *
 * <p>Plain Java over ports: the same code runs on every telephony node, in unit and property tests
 * with a movable clock, and in benchmarks.
 */
public final class Distributor {

    private final String node;
    private final Clock clock;
    private final AgentBoard agents;
    private final WaitingCallers queue;
    private final AgentPhones phones;
    private final OfferDesk offers;

    public Distributor(String node, Clock clock, AgentBoard agents, WaitingCallers queue, AgentPhones phones, OfferDesk offers) {
        this.node = Objects.requireNonNull(node, "node");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.offers = Objects.requireNonNull(offers, "offers");
    }

    /** The node this distributor reserves agents for; reservations name it. */
    public String node() {
        return node;
    }

    /**
     * One look at the group's queue and agents: callers in queue order, each offered to the best
     * agent still free. Stops at the first caller this node does not hold, or when no agent is left.
     *
     * @return how many callers were offered
     */
    public int serve(RoutingGroup group) {
        List<QueueEntry> waiting = new ArrayList<>(queue.waitingIn(group.id()));
        if (waiting.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        waiting.sort(QueueOrder.FIRST_SERVED_FIRST);
        RoutingStrategy strategy = RoutingStrategy.named(group.strategy());
        AvailableAgents free = new AvailableAgents(candidates(group, now), strategy.order());
        int offered = 0;
        for (QueueEntry head : waiting) {
            if (free.isEmpty() || !queue.isHeldHere(head)) {
                break;
            }
            Optional<Boolean> served = offer(head, group, strategy, free, now);
            if (served.isEmpty()) {
                break;
            }
            if (served.get()) {
                offered++;
            }
        }
        return offered;
    }

    /**
     * Reserves the best free agent (or, for ring-all, every free agent) for the caller at the head,
     * takes the caller out of the queue and hands the reservations on.
     *
     * @return true when offered, false when another node took the caller meanwhile (its agents are
     *         given back, free for the next caller of this pass), empty when no agent could be reserved
     */
    private Optional<Boolean> offer(QueueEntry head, RoutingGroup group, RoutingStrategy strategy, AvailableAgents free, Instant now) {
        List<Reservation> reserved = new ArrayList<>();
        if (strategy.ringsAllAtOnce()) {
            for (Candidate candidate : free.takeAll()) {
                reserve(head, strategy, candidate, now).ifPresent(reserved::add);
            }
        } else {
            while (reserved.isEmpty()) {
                Optional<Candidate> next = free.takeBest();
                if (next.isEmpty()) {
                    break;
                }
                reserve(head, strategy, next.get(), now).ifPresent(reserved::add);
            }
        }
        if (reserved.isEmpty()) {
            return Optional.empty();
        }
        if (!queue.take(head)) {
            for (Reservation given : reserved) {
                if (agents.compareAndSet(given.reserved(), given.ready())) {
                    free.putBack(given.candidate());
                }
            }
            return Optional.of(false);
        }
        offers.offer(head, group, reserved);
        return Optional.of(true);
    }

    /** The agent reserved for this caller, empty when someone else changed it first. */
    private Optional<Reservation> reserve(QueueEntry head, RoutingStrategy strategy, Candidate candidate, Instant now) {
        var reserved = candidate.status().reserve(head.callId(), node, now);
        if (!agents.compareAndSet(candidate.status(), reserved)) {
            return Optional.empty();
        }
        return Optional.of(new Reservation(candidate.status(), reserved, candidate.member(), strategy.explain(candidate, head, now)));
    }

    private List<Candidate> candidates(RoutingGroup group, Instant now) {
        List<Candidate> available = new ArrayList<>();
        for (GroupMembership member : group.members()) {
            var status = agents.current(member.agent(), now);
            if (status.isAvailable(now) && phones.isRegistered(member, now)) {
                available.add(new Candidate(status, member));
            }
        }
        return available;
    }
}
