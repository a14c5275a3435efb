package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.skill.SkillRequirements;
import io.verbund.acd.tenant.TenantKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Invariant: a node never jumps the queue. A caller it does not hold (the node that does serves
 * it) keeps the agents the strategy would give it from this node's callers behind it, so the
 * longest-waiting caller of the highest priority is served first whichever node it reached, while
 * agents enough for all let every node serve its own callers in the same moment.
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

    /** One look at one group's queue and agents ({@link #serve(Collection)} with that group alone). */
    public int serve(RoutingGroup group) {
        return serve(List.of(group));
    }

    /**
     * One look at the queues and agents of these groups together: their callers in one order
     * (priority, then time waited, weighted by group: {@link QueueOrder#acrossGroups}), each offered
     * to the best agent of its group still free, so an agent in several groups takes the best caller
     * waiting in any of them. A caller another node holds keeps its place: the agents its group's
     * strategy would give it are set aside (that node reserves them), and the next caller tries with
     * the agents left; a caller no free agent qualifies for lets the next one try (none of its
     * agents could have taken the first).
     *
     * @return how many callers were offered
     */
    public int serve(Collection<? extends RoutingGroup> groups) {
        Instant now = clock.instant();
        Map<Long, GroupPass> passes = new HashMap<>();
        List<QueueEntry> waiting = new ArrayList<>();
        for (RoutingGroup group : groups) {
            List<QueueEntry> callers = queue.waitingIn(group.id());
            if (!callers.isEmpty() && !passes.containsKey(group.id())) {
                passes.put(group.id(), new GroupPass(group, now));
                waiting.addAll(callers);
            }
        }
        waiting.sort(order(passes, now));
        int offered = 0;
        for (QueueEntry head : waiting) {
            GroupPass pass = passes.get(head.groupId());
            if (pass == null || pass.free.isEmpty()) {
                continue;
            }
            if (!queue.isHeldHere(head)) {
                setAside(head, pass, passes.values(), now);
                continue;
            }
            if (offer(head, pass, passes.values(), now)) {
                offered++;
            }
        }
        return offered;
    }

    /**
     * An agent of {@code group} for an agent's consultation of the group, now: the member its
     * strategy ranks first among those free now (registered, ready, with the group's minimum skills),
     * reserved like an offer's agent so no caller is offered to it meanwhile. There is no queue: a
     * consultation rings an agent at once or tells the agent no one is free. A ring-all group gives
     * its first-ranked agent (a consultation rings one phone).
     *
     * @param callId the call consulting, which the reservation names
     * @return the reservation (member, status, the strategy's reason); empty when no member is free
     */
    public Optional<Reservation> reserveForConsultation(RoutingGroup group, TenantKey tenant, String callId) {
        Instant now = clock.instant();
        RoutingStrategy strategy = RoutingStrategy.named(group.strategy());
        AvailableAgents free = new AvailableAgents(candidates(group, strategy.ranksByWorkload(), now, new PassExclusions()));
        QueueEntry consulting = new QueueEntry(callId, tenant, group.id(), 0, now, node);
        Turn turn = new Turn(consulting, strategy.followsLastOffered() ? lastOffered(group) : Optional.empty(), group.requirements(),
                Duration.ZERO);
        free.lookFor(turn, strategy, now);
        while (true) {
            Optional<Candidate> next = free.takeBestLooked();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Optional<Reservation> reserved = reserve(turn, strategy, next.get(), now);
            if (reserved.isPresent()) {
                if (strategy.followsLastOffered()) {
                    cursors.offered(group.id(), reserved.get().member().agent());
                }
                return reserved;
            }
        }
    }

    /** Callers of groups of one weight in plain queue order; weights only where they differ. */
    private static Comparator<QueueEntry> order(Map<Long, GroupPass> passes, Instant now) {
        double first = Double.NaN;
        boolean oneWeight = true;
        for (GroupPass pass : passes.values()) {
            double weight = pass.group.weight();
            oneWeight &= Double.isNaN(first) || weight == first;
            first = weight;
        }
        if (oneWeight) {
            return QueueOrder.FIRST_SERVED_FIRST;
        }
        return QueueOrder.acrossGroups(now, group -> passes.get(group).group.weight());
    }

    /** One group during a pass: its strategy, its agents still free, those it could not offer, its rotation. */
    private final class GroupPass {

        final RoutingGroup group;
        final RoutingStrategy strategy;
        final PassExclusions excluded = new PassExclusions();
        final AvailableAgents free;
        Optional<GroupMembership> lastOffered;

        GroupPass(RoutingGroup group, Instant now) {
            this.group = group;
            this.strategy = RoutingStrategy.named(group.strategy());
            this.free = new AvailableAgents(candidates(group, strategy.ranksByWorkload(), now, excluded));
            this.lastOffered = strategy.followsLastOffered() ? lastOffered(group) : Optional.empty();
        }

        /** The agent went to a caller of another group (or this one): no longer free here. */
        void taken(AgentKey agent) {
            if (free.remove(agent)) {
                excluded.add(agent, Exclusion.BUSY_ELSEWHERE, null);
            }
        }
    }

    /** The caller's turn in its group's pass: its requirements now, after the time it waited. */
    private static Turn turn(QueueEntry head, GroupPass pass, Instant now) {
        Duration waited = Duration.between(head.enteredAt(), now);
        SkillRequirements requirements = head.callConditions().isEmpty() ? pass.group.requirements()
                : pass.group.requirements().withCallConditions(head.callConditions());
        return new Turn(head, pass.lastOffered, requirements, waited.isNegative() ? Duration.ZERO : waited);
    }

    /**
     * A caller another node holds: that node serves it. The agents its group's strategy would give
     * it now are kept from this node's callers behind it, so none of them jumps it, and the pass
     * goes on with the agents left. (Stopping at it instead made two nodes sharing a group take
     * turns, one caller per pass each, and callers waited seconds with agents free.) The other node
     * ranks from the same statuses; should it pick another agent all the same, its compare-and-set
     * tells it, and it takes the next.
     */
    private void setAside(QueueEntry theirs, GroupPass pass, Collection<GroupPass> all, Instant now) {
        pass.free.lookFor(turn(theirs, pass, now), pass.strategy, now);
        List<Candidate> kept = pass.strategy.ringsAllAtOnce() ? pass.free.takeAllLooked()
                : pass.free.takeBestLooked().map(List::of).orElse(List.of());
        for (Candidate candidate : kept) {
            spentInThisPass(candidate.member().agent(), pass, all);
        }
        if (!kept.isEmpty() && pass.strategy.followsLastOffered()) {
            // Within this pass only: the rotation's cursor is the other node's to move.
            pass.lastOffered = Optional.of(kept.get(0).member());
        }
    }

    /** Offers the caller to the best agents of its group still free; whether it was offered. */
    private boolean offer(QueueEntry head, GroupPass pass, Collection<GroupPass> all, Instant now) {
        Turn turn = turn(head, pass, now);
        List<Reservation> reserved = reserve(turn, pass.strategy, pass.free, now);
        if (reserved.isEmpty()) {
            // No free agent has the skills this caller needs now; its wait may reach the next step.
            return false;
        }
        if (!queue.take(head)) {
            giveBack(reserved, pass.free);
            return false;
        }
        if (pass.strategy.followsLastOffered()) {
            // Within the pass from here, not read back: the next caller follows this one's agent.
            pass.lastOffered = Optional.of(reserved.get(0).member());
            cursors.offered(pass.group.id(), reserved.get(0).member().agent());
        }
        offers.offer(head, pass.group, reserved, decision(pass.group, pass.strategy, turn, reserved, pass.free, pass.excluded, now));
        for (Reservation taken : reserved) {
            spentInThisPass(taken.member().agent(), pass, all);
        }
        return true;
    }

    /** An agent offered, or set aside for another node's caller: no other caller of this pass, in any group, gets it. */
    private static void spentInThisPass(AgentKey agent, GroupPass pass, Collection<GroupPass> all) {
        pass.excluded.add(agent, Exclusion.BUSY_ELSEWHERE, null);
        for (GroupPass other : all) {
            other.taken(agent);
        }
    }

    /** A member the pass could not offer any call to, and why. */
    private record Excluded(AgentKey agent, Exclusion why, AgentStatus status) {

        /** Built only for the few a decision names: a pass meets every member of a large group. */
        String detail() {
            if (status == null) {
                return "reserved for another caller in this pass";
            }
            return why == Exclusion.REDIAL_DELAY ? "READY, no offers until " + status.blockedUntil()
                    : status.state() + status.reason().map(reason -> ": " + reason).orElse("");
        }
    }

    /**
     * The members a pass could not offer any call to: every one counted by reason, the first
     * {@link RoutingDecision#LISTED} kept to be named. A group of a thousand busy agents costs a
     * pass a thousand counts, not a thousand records.
     */
    private static final class PassExclusions {

        final int[] counts = new int[Exclusion.values().length];
        final List<Excluded> named = new ArrayList<>();

        void add(AgentKey agent, Exclusion why, AgentStatus status) {
            counts[why.ordinal()]++;
            if (named.size() < RoutingDecision.LISTED) {
                named.add(new Excluded(agent, why, status));
            }
        }

        void addTo(RoutingDecision.Builder decision) {
            int[] named = new int[counts.length];
            for (Excluded one : this.named) {
                decision.excluded(one.agent(), one.why(), one.detail());
                named[one.why().ordinal()]++;
            }
            for (Exclusion why : Exclusion.values()) {
                decision.alsoExcluded(why, counts[why.ordinal()] - named[why.ordinal()]);
            }
        }
    }

    /**
     * The decision record of one offer: the agents reserved, the eligible ones still free in the
     * caller's order (the best {@link RoutingDecision#LISTED}, kept by the turn's look at the free
     * agents, which counted the rest), the free ones its skills exclude, and the members the pass
     * excluded. Only the agents named get a detail: a look meets every free agent of a large group.
     */
    private static RoutingDecision decision(RoutingGroup group, RoutingStrategy strategy, Turn turn, List<Reservation> reserved,
                                            AvailableAgents free, PassExclusions excluded, Instant now) {
        RoutingDecision.Builder decision = new RoutingDecision.Builder(group.id(), group.strategy(), now);
        reserved.forEach(taken -> decision.chose(taken.member().agent(), taken.why()));
        List<Candidate> named = free.bestLeft(RoutingDecision.LISTED);
        for (Candidate candidate : named) {
            decision.rankedLower(candidate.status().agent(), strategy.explain(candidate, turn, now));
        }
        // Counted, not named: the record keeps its best LISTED.
        decision.alsoRankedLower(free.eligibleLeft() - named.size());
        int[] namedFor = new int[Exclusion.values().length];
        free.firstExcluded(RoutingDecision.LISTED, (candidate, why) -> {
            decision.excluded(candidate.status().agent(), why, why == Exclusion.LAST_AGENT_FIRST
                    ? "the caller's last agent " + turn.caller().lastAgent().map(AgentKey::extension).orElse("?") + " first, until "
                            + turn.caller().lastAgentUntil().map(Instant::toString).orElse("?")
                    : turn.skillsInForce());
            namedFor[why.ordinal()]++;
        });
        for (Exclusion why : Exclusion.values()) {
            decision.alsoExcluded(why, free.excludedFor(why) - namedFor[why.ordinal()]);
        }
        excluded.addTo(decision);
        return decision.build();
    }

    /**
     * Reserves the best free agent (or, for ring-all, every free agent) for the caller whose turn it
     * is; empty when no agent could be reserved. Looks at the free agents once for the turn: the
     * decision record reads the same look.
     */
    private List<Reservation> reserve(Turn turn, RoutingStrategy strategy, AvailableAgents free, Instant now) {
        free.lookFor(turn, strategy, now);
        List<Reservation> reserved = new ArrayList<>();
        if (strategy.ringsAllAtOnce()) {
            for (Candidate candidate : free.takeAllLooked()) {
                reserve(turn, strategy, candidate, now).ifPresent(reserved::add);
            }
        } else {
            while (reserved.isEmpty()) {
                Optional<Candidate> next = free.takeBestLooked();
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
    private List<Candidate> candidates(RoutingGroup group, boolean ranksByWorkload, Instant now, PassExclusions excluded) {
        List<Candidate> available = new ArrayList<>();
        for (GroupMembership member : group.members()) {
            AgentStatus status = agents.current(member.agent(), now);
            Optional<Exclusion> why = unavailable(status, now);
            if (why.isEmpty() && !phones.isRegistered(member, now)) {
                why = Optional.of(Exclusion.NOT_REGISTERED);
            }
            if (why.isPresent()) {
                excluded.add(member.agent(), why.get(), status);
            } else {
                // Today's figures only where the strategy ranks by them: the port is a cache read per agent.
                available.add(new Candidate(status, member, ranksByWorkload ? workloads.today(member.agent(), now) : AgentWorkload.NONE));
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
