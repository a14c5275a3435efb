package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;

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
        List<Excluded> excluded = new ArrayList<>();
        AvailableAgents free = new AvailableAgents(candidates(group, now, excluded));
        Optional<GroupMembership> lastOffered = strategy.followsLastOffered() ? lastOffered(group) : Optional.empty();
        int offered = 0;
        for (QueueEntry head : waiting) {
            if (free.isEmpty() || !queue.isHeldHere(head)) {
                break;
            }
            Duration waited = Duration.between(head.enteredAt(), now);
            Turn turn = new Turn(head, lastOffered, group.requirements(), waited.isNegative() ? Duration.ZERO : waited);
            List<Reservation> reserved = reserve(turn, strategy, free, now);
            if (reserved.isEmpty()) {
                // No free agent has the skills this caller needs now: a later caller may take one
                // of them (none of which this caller could have had); its wait may reach the next step.
                continue;
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
            offers.offer(head, group, reserved, decision(group, strategy, turn, reserved, free, excluded, now));
            reserved.forEach(taken -> excluded.add(new Excluded(taken.member().agent(), Exclusion.BUSY_ELSEWHERE,
                    "reserved for another caller in this pass")));
            offered++;
        }
        return offered;
    }

    /** A member the pass could not offer any call to, and why. */
    private record Excluded(AgentKey agent, Exclusion why, String detail) {
    }

    /**
     * The decision record of one offer: the agents reserved, the eligible ones still free in the
     * caller's order (the best {@link RoutingDecision#LISTED}, found without sorting the group), the
     * free ones its skills exclude, and the members the pass excluded.
     */
    private static RoutingDecision decision(RoutingGroup group, RoutingStrategy strategy, Turn turn, List<Reservation> reserved,
                                            AvailableAgents free, List<Excluded> excluded, Instant now) {
        RoutingDecision.Builder decision = new RoutingDecision.Builder(group.id(), group.strategy(), now);
        reserved.forEach(taken -> decision.chose(taken.member().agent(), taken.why()));
        Comparator<Candidate> order = strategy.orderFor(turn);
        PriorityQueue<Candidate> worstFirst = new PriorityQueue<>(order.reversed());
        List<Candidate> eligible = new ArrayList<>();
        for (Candidate candidate : free.stillFree()) {
            Optional<Exclusion> skills = turn.skillExclusionOf(candidate);
            if (skills.isPresent()) {
                decision.excluded(candidate.status().agent(), skills.get(), turn.requirements().describe(turn.waited()));
                continue;
            }
            eligible.add(candidate);
            worstFirst.add(candidate);
            if (worstFirst.size() > RoutingDecision.LISTED) {
                worstFirst.poll();
            }
        }
        List<Candidate> named = new ArrayList<>(worstFirst);
        named.sort(order);
        for (Candidate candidate : named) {
            decision.rankedLower(candidate.status().agent(), strategy.explain(candidate, turn, now));
        }
        for (int i = named.size(); i < eligible.size(); i++) {
            // Counted, not named: the record keeps its best LISTED.
            decision.rankedLower(eligible.get(i).status().agent(), "");
        }
        excluded.forEach(one -> decision.excluded(one.agent(), one.why(), one.detail()));
        return decision.build();
    }

    /**
     * Reserves the best free agent (or, for ring-all, every free agent) for the caller whose turn it
     * is; empty when no agent could be reserved.
     */
    private List<Reservation> reserve(Turn turn, RoutingStrategy strategy, AvailableAgents free, Instant now) {
        Comparator<Candidate> order = strategy.orderFor(turn);
        Predicate<Candidate> skilled = candidate -> turn.skillExclusionOf(candidate).isEmpty();
        List<Reservation> reserved = new ArrayList<>();
        if (strategy.ringsAllAtOnce()) {
            for (Candidate candidate : free.takeAll(order, skilled)) {
                reserve(turn, strategy, candidate, now).ifPresent(reserved::add);
            }
        } else {
            while (reserved.isEmpty()) {
                Optional<Candidate> next = free.takeBest(order, skilled);
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

    /** The members free to take a call now; the others go to {@code excluded}, with why, for the decision records. */
    private List<Candidate> candidates(RoutingGroup group, Instant now, List<Excluded> excluded) {
        List<Candidate> available = new ArrayList<>();
        for (GroupMembership member : group.members()) {
            AgentStatus status = agents.current(member.agent(), now);
            Optional<Exclusion> why = unavailable(status, now);
            if (why.isEmpty() && !phones.isRegistered(member, now)) {
                why = Optional.of(Exclusion.NOT_REGISTERED);
            }
            if (why.isPresent()) {
                excluded.add(new Excluded(member.agent(), why.get(), status.state() + status.reason().map(reason -> ": " + reason).orElse("")));
            } else {
                available.add(new Candidate(status, member, workloads.today(member.agent(), now)));
            }
        }
        return available;
    }

    /** Why an agent in this status cannot be offered a call now; empty when it can. */
    private static Optional<Exclusion> unavailable(AgentStatus status, Instant now) {
        if (status.isAvailable(now)) {
            return Optional.empty();
        }
        switch (status.state()) {
            case LOGGED_OUT:
                return Optional.of(Exclusion.LOGGED_OUT);
            case PAUSED:
                return Optional.of(Exclusion.PAUSED);
            case WRAP_UP:
                return Optional.of(Exclusion.WRAP_UP);
            case READY:
                return Optional.of(Exclusion.REDIAL_DELAY);
            default:
                return Optional.of(Exclusion.BUSY_ELSEWHERE);
        }
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
