package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final AgentWorkloads workloads;
    private final RoundRobinCursors cursors;
    private final OfferDesk offers;

    public Distributor(String node, Clock clock, AgentBoard agents, WaitingCallers queue, AgentPhones phones,
                       AgentWorkloads workloads, RoundRobinCursors cursors, OfferDesk offers) {
        this.node = Objects.requireNonNull(node, "node");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.workloads = Objects.requireNonNull(workloads, "workloads");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
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
        AvailableAgents free = new AvailableAgents(candidates(group, now));
        Optional<GroupMembership> lastOffered = strategy.followsLastOffered() ? lastOffered(group) : Optional.empty();
        int offered = 0;
        for (QueueEntry head : waiting) {
            if (free.isEmpty() || !queue.isHeldHere(head)) {
                break;
            }
            List<Reservation> reserved = reserve(new Turn(head, lastOffered), strategy, free, now);
            if (reserved.isEmpty()) {
                break;
            }
            if (!queue.take(head)) {
                giveBack(reserved, free);
                continue;
            }
            if (strategy.followsLastOffered()) {
                // Within the pass from here, not read back: the next caller follows this one's agent.
                lastOffered = Optional.of(reserved.get(0).member());
                cursors.offered(group.id(), reserved.get(0).member().agent());
            }
            offers.offer(head, group, reserved);
            offered++;
        }
        return offered;
    }

    /**
     * Reserves the best free agent (or, for ring-all, every free agent) for the caller whose turn it
     * is; empty when no agent could be reserved.
     */
    private List<Reservation> reserve(Turn turn, RoutingStrategy strategy, AvailableAgents free, Instant now) {
        Comparator<Candidate> order = strategy.orderFor(turn);
        List<Reservation> reserved = new ArrayList<>();
        if (strategy.ringsAllAtOnce()) {
            for (Candidate candidate : free.takeAll(order)) {
                reserve(turn, strategy, candidate, now).ifPresent(reserved::add);
            }
        } else {
            while (reserved.isEmpty()) {
                Optional<Candidate> next = free.takeBest(order);
                if (next.isEmpty()) {
                    break;
                }
                reserve(turn, strategy, next.get(), now).ifPresent(reserved::add);
            }
        }
        return reserved;
    }

    /** The agent reserved for this caller, empty when someone else changed it first. */
    private Optional<Reservation> reserve(Turn turn, RoutingStrategy strategy, Candidate candidate, Instant now) {
        var reserved = candidate.status().reserve(turn.caller().callId(), node, now);
        if (!agents.compareAndSet(candidate.status(), reserved)) {
            return Optional.empty();
        }
        return Optional.of(new Reservation(candidate, reserved, strategy.explain(candidate, turn, now)));
    }

    /**
     * Another node took the caller meanwhile: its agents are given back, free for the next caller
     * of this pass as they were ranked.
     */
    private void giveBack(List<Reservation> reserved, AvailableAgents free) {
        for (Reservation given : reserved) {
            if (agents.compareAndSet(given.reserved(), given.ready())) {
                free.putBack(given.candidate());
            }
        }
    }

    private List<Candidate> candidates(RoutingGroup group, Instant now) {
        List<Candidate> available = new ArrayList<>();
        for (GroupMembership member : group.members()) {
            var status = agents.current(member.agent(), now);
            if (status.isAvailable(now) && phones.isRegistered(member, now)) {
                available.add(new Candidate(status, member, workloads.today(member.agent(), now)));
            }
        }
        return available;
    }

    /** The member the group's rotation stopped at; empty before the first offer, or when it has left the group. */
    private Optional<GroupMembership> lastOffered(RoutingGroup group) {
        Optional<AgentKey> last = cursors.lastOffered(group.id());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        for (GroupMembership member : group.members()) {
            if (member.agent().equals(last.get())) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }
}
