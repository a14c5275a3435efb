package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.routing.RecordingOfferDesk.Offer;
import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The distributor's cluster-wide promises, checked over random groups, queues and event orders:
 * two nodes share one agent board and one queue, as they share the cache. A serve step may be
 * interrupted just before one of its cache writes by a whole pass of the other node (or of a second
 * thread of the same node): the race the compare-and-set and the conditional take exist for.
 */
class DistributorProperties {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final long GROUP = 7;
    private static final List<String> NODES = List.of("node-a", "node-b");

    record AgentSpec(AgentState state, int idleSeconds, boolean registered, int penalty, int proficiency, int callsToday,
                     int talkSecondsToday) {
    }

    record CallerSpec(int priority, int waitedSeconds, String node, boolean waitingAtStart) {

        QueueEntry entry(int index) {
            return new QueueEntry("call-" + index, DEMO, GROUP, priority, T0.minusSeconds(waitedSeconds), node);
        }
    }

    sealed interface Step permits Serve, OfferEnds, Tick, Arrives, PersonMoves, PhoneFlips {
    }

    /** Where a pass is interrupted by a whole pass of another node, or of a second thread of its own. */
    enum Interruption { NONE, FIRST_WRITE, SECOND_WRITE, THIRD_WRITE, FIRST_TAKE }

    /** A pass of {@code node}, interrupted by a pass of {@code by} just before the named cache write. */
    record Serve(String node, Interruption interruption, String by) implements Step {
    }

    /** One reserved agent's offer ends: answered and hung up, or not answered and blocked for a redial delay. */
    record OfferEnds(int pick, boolean talked, int redialDelay) implements Step {
    }

    record Tick(int seconds) implements Step {
    }

    /** The next caller not yet waiting enters the queue. */
    record Arrives() implements Step {
    }

    /** An agent not engaged toggles between READY and PAUSED, or logs in. */
    record PersonMoves(int pick) implements Step {
    }

    record PhoneFlips(int pick) implements Step {
    }

    record Scenario(String strategy, List<AgentSpec> agents, List<CallerSpec> callers, List<Step> steps) {
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 200)
    void neverTwoReservationsForOneAgent(@ForAll("scenarios") Scenario scenario) {
        World world = World.play(scenario);

        assertThat(world.doubleReservations).isEmpty();
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void noCallerIsLostOrOfferedTwice(@ForAll("scenarios") Scenario scenario) {
        World world = World.play(scenario);

        // The interleavings must really reach the races, or this property proves little; the tiny
        // scenarios edge-case generation makes reach none, so they are left to the other properties.
        Statistics.label("a pass interrupted").collect(world.interruptions > 0);
        Statistics.label("a reservation lost").collect(world.board.lostWrites() > 0);
        Statistics.label("a take lost").collect(world.queue.lostTakes() > 0);
        Statistics.label("a pass interrupted").coverage(c -> c.check(true).percentage(p -> p > 30));
        Statistics.label("a reservation lost").coverage(c -> c.check(true).percentage(p -> p > 8));
        Statistics.label("a take lost").coverage(c -> c.check(true).percentage(p -> p > 4));
        assertThat(world.lostOrDuplicated).isEmpty();
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameOffers(@ForAll("scenarios") Scenario scenario) {
        World first = World.play(scenario);
        World second = World.play(scenario);

        assertThat(second.offerLog).isEqualTo(first.offerLog);
        assertThat(second.snapshot()).isEqualTo(first.snapshot());
    }

    @Property(tries = 200)
    void onlyAvailableRegisteredAgentsAreReserved(@ForAll("scenarios") Scenario scenario) {
        World world = World.play(scenario);

        assertThat(world.unfitReservations).isEmpty();
    }

    /** The other half of a lost take: the agents reserved for it must not stay reserved for nobody. */
    @Property(tries = 200)
    void noAgentStaysReservedWithoutAnOffer(@ForAll("scenarios") Scenario scenario) {
        World world = World.play(scenario);

        assertThat(world.strayReservations).isEmpty();
    }

    @Property(tries = 200)
    void whenTheRacesAreOverNoCallerWaitsBesideAFreeAgent(@ForAll("scenarios") Scenario scenario) {
        World world = World.play(scenario);

        world.endEveryOffer();
        while (!world.queue.all().isEmpty()) {
            QueueEntry head = QueueOrder.next(world.queue.waitingIn(GROUP)).orElseThrow();
            if (world.distributors.get(head.node()).serve(world.group) == 0) {
                break;
            }
            world.endEveryOffer();
        }

        if (!world.queue.all().isEmpty()) {
            assertThat(world.agents).noneMatch(agent -> world.status(agent).isAvailable(world.clock.instant())
                    && world.registered.contains(agent));
        }
        assertThat(world.lostOrDuplicated).isEmpty();
    }

    /**
     * One free agent and callers on two nodes, served by the nodes in random order: whoever gets the
     * agent is the first caller by queue order, and the node holding that caller never leaves it
     * waiting with the agent free.
     */
    @Property(tries = 200)
    void theFirstCallerByQueueOrderGetsTheFreeAgentWhicheverNodeServes(@ForAll("strategies") String strategy,
                                                                       @ForAll("callerLists") List<CallerSpec> callers,
                                                                       @ForAll("servingOrders") List<String> servingNodes) {
        MovableClock clock = new MovableClock(T0);
        InMemoryAgentBoard board = new InMemoryAgentBoard();
        InMemoryQueue queue = new InMemoryQueue("node-a");
        AgentKey agent = new AgentKey(DEMO, "1001");
        board.put(AgentStatus.loggedOut(agent, T0.minusSeconds(60)).goReady(T0.minusSeconds(60)));
        Group group = new Group(GROUP, strategy, List.of(new Member(agent, 0, 3, 1)));
        for (int i = 0; i < callers.size(); i++) {
            queue.add(callers.get(i).entry(i));
        }
        List<Offer> offers = new ArrayList<>();
        Map<String, Distributor> distributors = new HashMap<>();
        InMemoryCursors cursors = new InMemoryCursors();
        for (String node : NODES) {
            distributors.put(node, new Distributor(node, clock, board, queue.seenFrom(node), (m, now) -> true,
                    new FixedWorkloads(), cursors, new RecordingOfferDesk(offers::add)));
        }

        for (String node : servingNodes) {
            if (queue.all().isEmpty()) {
                break;
            }
            QueueEntry first = queue.all().stream().min(QueueOrder.FIRST_SERVED_FIRST).orElseThrow();
            int before = offers.size();

            int served = distributors.get(node).serve(group);

            if (first.node().equals(node)) {
                assertThat(served).as("%s served its own head with the agent free", node).isEqualTo(1);
                assertThat(offers.get(before).caller()).isEqualTo(first);
                AgentStatus reserved = board.current(agent, clock.instant());
                clock.advanceSeconds(7);
                assertThat(board.compareAndSet(reserved, reserved.ring(clock.instant()).answer(clock.instant())
                        .endCall(0, 0, clock.instant()))).isTrue();
            } else {
                assertThat(served).as("%s jumped the queue past %s", node, first.callId()).isZero();
                assertThat(offers).hasSize(before);
            }
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> strategies() {
        return Arbitraries.of("LONGEST_IDLE", "ROUND_ROBIN", "RING_ALL", "FEWEST_CALLS", "LEAST_CALLS", "LEAST_TALK_TIME",
                "RANDOM", "LINEAR", "SKILLS_BASED");
    }

    @Provide
    Arbitrary<List<CallerSpec>> callerLists() {
        return callers().list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<String>> servingOrders() {
        return Arbitraries.of(NODES).list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<AgentSpec> agents = Combinators.combine(
                Arbitraries.frequency(Tuple.of(3, AgentState.READY), Tuple.of(1, AgentState.PAUSED),
                        Tuple.of(1, AgentState.LOGGED_OUT)),
                Arbitraries.integers().between(0, 600),
                Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 900)).as(AgentSpec::new);
        return Combinators.combine(
                strategies(),
                agents.list().ofMinSize(1).ofMaxSize(6),
                callers().list().ofMinSize(1).ofMaxSize(10),
                steps().list().ofMinSize(5).ofMaxSize(40)).as(Scenario::new);
    }

    private static Arbitrary<CallerSpec> callers() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 9),
                // A narrow range, so equal entry times (and the call-id tie-break) come up too.
                Arbitraries.integers().between(0, 30),
                Arbitraries.of(NODES),
                Arbitraries.frequency(Tuple.of(2, true), Tuple.of(1, false))).as(CallerSpec::new);
    }

    private static Arbitrary<Step> steps() {
        Arbitrary<Step> serve = Combinators.combine(
                Arbitraries.of(NODES),
                Arbitraries.frequency(Tuple.of(3, Interruption.NONE), Tuple.of(2, Interruption.FIRST_WRITE),
                        Tuple.of(1, Interruption.SECOND_WRITE), Tuple.of(1, Interruption.THIRD_WRITE),
                        Tuple.of(2, Interruption.FIRST_TAKE)),
                Arbitraries.of(NODES)).as(Serve::new);
        Arbitrary<Step> offerEnds = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.of(true, false),
                Arbitraries.of(0, 0, 5)).as(OfferEnds::new);
        Arbitrary<Step> tick = Arbitraries.integers().between(1, 20).map(Tick::new);
        Arbitrary<Step> arrives = Arbitraries.just(new Arrives());
        Arbitrary<Step> personMoves = Arbitraries.integers().between(0, 9).map(PersonMoves::new);
        Arbitrary<Step> phoneFlips = Arbitraries.integers().between(0, 9).map(PhoneFlips::new);
        return Arbitraries.frequencyOf(
                Tuple.of(6, serve),
                Tuple.of(3, offerEnds),
                Tuple.of(1, tick),
                Tuple.of(2, arrives),
                Tuple.of(1, personMoves),
                Tuple.of(1, phoneFlips));
    }

    // ---------------------------------------------------------------- the simulated cluster

    /**
     * Two nodes over one board and one queue, and what the test knows independently of the
     * distributor: each agent's status as a person or the call path last set it, the reservations
     * handed to an offer desk and not yet ended, and how often each caller was offered.
     */
    static final class World {

        final MovableClock clock = new MovableClock(T0);
        final InMemoryAgentBoard board = new InMemoryAgentBoard();
        final InMemoryQueue queue = new InMemoryQueue("node-a");
        final Set<AgentKey> registered = new HashSet<>();
        final List<AgentKey> agents = new ArrayList<>();
        final Map<AgentKey, AgentStatus> setByTest = new HashMap<>();
        final Map<AgentKey, String> reservedFor = new LinkedHashMap<>();
        final Map<String, Integer> timesOffered = new HashMap<>();
        final List<QueueEntry> arrived = new ArrayList<>();
        final Deque<QueueEntry> notYetArrived = new ArrayDeque<>();
        final Map<String, Distributor> distributors = new LinkedHashMap<>();
        final FixedWorkloads workloads = new FixedWorkloads();
        final InMemoryCursors cursors = new InMemoryCursors();
        final Group group;

        final List<String> offerLog = new ArrayList<>();
        final List<String> doubleReservations = new ArrayList<>();
        final List<String> unfitReservations = new ArrayList<>();
        final List<String> lostOrDuplicated = new ArrayList<>();
        final List<String> strayReservations = new ArrayList<>();
        int interruptions;
        private int step;

        private World(Scenario scenario) {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < scenario.agents().size(); i++) {
                AgentSpec spec = scenario.agents().get(i);
                AgentKey key = new AgentKey(DEMO, Integer.toString(1001 + i));
                Instant idleFrom = T0.minusSeconds(spec.idleSeconds());
                AgentStatus status = switch (spec.state()) {
                    case READY -> AgentStatus.loggedOut(key, idleFrom).goReady(idleFrom);
                    case PAUSED -> AgentStatus.loggedOut(key, idleFrom).goReady(idleFrom).pause("BREAK", T0);
                    default -> AgentStatus.loggedOut(key, idleFrom);
                };
                board.put(status);
                setByTest.put(key, status);
                agents.add(key);
                if (spec.registered()) {
                    registered.add(key);
                }
                members.add(new Member(key, spec.penalty(), spec.proficiency(), i + 1));
                workloads.set(key, spec.callsToday(), Duration.ofSeconds(spec.talkSecondsToday()));
            }
            group = new Group(GROUP, scenario.strategy(), members);
            for (int i = 0; i < scenario.callers().size(); i++) {
                CallerSpec spec = scenario.callers().get(i);
                if (spec.waitingAtStart()) {
                    queue.add(spec.entry(i));
                    arrived.add(spec.entry(i));
                } else {
                    notYetArrived.add(spec.entry(i));
                }
            }
            for (String node : NODES) {
                distributors.put(node, new Distributor(node, clock, board, queue.seenFrom(node),
                        (member, now) -> registered.contains(member.agent()), workloads, cursors,
                        new RecordingOfferDesk(offer -> offered(node, offer))));
            }
        }

        static World play(Scenario scenario) {
            World world = new World(scenario);
            world.check();
            for (Step step : scenario.steps()) {
                world.step++;
                world.apply(step);
                world.check();
            }
            return world;
        }

        AgentStatus status(AgentKey agent) {
            return board.current(agent, clock.instant());
        }

        List<String> snapshot() {
            List<String> state = new ArrayList<>();
            agents.forEach(agent -> state.add(status(agent).toString()));
            queue.all().stream().sorted(QueueOrder.FIRST_SERVED_FIRST).forEach(caller -> state.add(caller.toString()));
            return state;
        }

        void endEveryOffer() {
            while (!reservedFor.isEmpty()) {
                endOffer(reservedFor.keySet().iterator().next(), true, 0);
            }
        }

        private void apply(Step step) {
            Instant now = clock.instant();
            if (step instanceof Serve serve) {
                serve(serve);
            } else if (step instanceof OfferEnds ends) {
                if (!reservedFor.isEmpty()) {
                    AgentKey agent = new ArrayList<>(reservedFor.keySet()).get(ends.pick() % reservedFor.size());
                    endOffer(agent, ends.talked(), ends.redialDelay());
                }
            } else if (step instanceof Tick tick) {
                clock.advanceSeconds(tick.seconds());
            } else if (step instanceof Arrives) {
                if (!notYetArrived.isEmpty()) {
                    QueueEntry caller = notYetArrived.poll();
                    queue.add(caller);
                    arrived.add(caller);
                }
            } else if (step instanceof PersonMoves moves) {
                AgentKey agent = agents.get(moves.pick() % agents.size());
                AgentStatus current = status(agent);
                AgentStatus next = switch (current.state()) {
                    case READY -> current.pause("BREAK", now);
                    case PAUSED, LOGGED_OUT -> current.goReady(now);
                    default -> current;
                };
                if (next != current) {
                    write(current, next, "person");
                }
            } else if (step instanceof PhoneFlips flips) {
                AgentKey agent = agents.get(flips.pick() % agents.size());
                if (!registered.remove(agent)) {
                    registered.add(agent);
                }
            }
        }

        private void serve(Serve serve) {
            if (serve.interruption() != Interruption.NONE) {
                int at = switch (serve.interruption()) {
                    case SECOND_WRITE -> 2;
                    case THIRD_WRITE -> 3;
                    default -> 1;
                };
                boolean takesOnly = serve.interruption() == Interruption.FIRST_TAKE;
                int[] writes = {0};
                Runnable interrupt = () -> {
                    if (++writes[0] == at) {
                        disarm();
                        interruptions++;
                        distributors.get(serve.by()).serve(group);
                    }
                };
                if (!takesOnly) {
                    board.beforeEachWrite(expected -> interrupt.run());
                }
                queue.beforeEachTake(caller -> interrupt.run());
            }
            try {
                distributors.get(serve.node()).serve(group);
            } finally {
                disarm();
            }
        }

        private void disarm() {
            board.beforeEachWrite(expected -> { });
            queue.beforeEachTake(caller -> { });
        }

        private void endOffer(AgentKey agent, boolean talked, int redialDelay) {
            Instant now = clock.instant();
            AgentStatus reserved = status(agent);
            if (reserved.state() != AgentState.RESERVED) {
                strayReservations.add("step " + step + ": " + agent + " should still be reserved for "
                        + reservedFor.get(agent) + " but is " + reserved);
                reservedFor.remove(agent);
                return;
            }
            AgentStatus free = talked ? reserved.ring(now).answer(now).endCall(0, 0, now)
                    : reserved.offerNotTaken(true, 0, redialDelay, now);
            reservedFor.remove(agent);
            write(reserved, free, "offer end");
        }

        /** A write of the test's own, when no distributor runs: it cannot lose a race. */
        private void write(AgentStatus current, AgentStatus next, String who) {
            if (!board.compareAndSet(current, next)) {
                strayReservations.add("step " + step + ": the " + who + " write for " + current.agent() + " was refused");
            }
            setByTest.put(next.agent(), next);
        }

        private void offered(String node, Offer offer) {
            Instant now = clock.instant();
            QueueEntry caller = offer.caller();
            offerLog.add("step " + step + ": " + node + " offers " + caller.callId() + " to "
                    + offer.reserved().stream().map(r -> r.reserved().agent().extension() + " (" + r.why() + ")").toList());

            if (queue.contains(caller)) {
                lostOrDuplicated.add("step " + step + ": " + caller.callId() + " offered while still in the queue");
            }
            int times = timesOffered.merge(caller.callId(), 1, Integer::sum);
            if (times > 1) {
                lostOrDuplicated.add("step " + step + ": " + caller.callId() + " offered " + times + " times");
            }
            if (offer.reserved().isEmpty()) {
                unfitReservations.add("step " + step + ": " + caller.callId() + " offered to nobody");
            }

            Set<AgentKey> inThisOffer = new HashSet<>();
            for (Reservation reservation : offer.reserved()) {
                AgentStatus reserved = reservation.reserved();
                AgentKey agent = reserved.agent();
                if (reservedFor.containsKey(agent) || !inThisOffer.add(agent)) {
                    doubleReservations.add("step " + step + ": " + agent + " reserved for " + caller.callId()
                            + " while reserved for " + reservedFor.getOrDefault(agent, caller.callId()));
                }
                AgentStatus before = setByTest.get(agent);
                if (!before.isAvailable(now)) {
                    unfitReservations.add("step " + step + ": " + agent + " reserved from " + before);
                }
                if (!registered.contains(agent)) {
                    unfitReservations.add("step " + step + ": " + agent + " reserved with no phone registered");
                }
                if (reserved.state() != AgentState.RESERVED || !reserved.isEngagedWith(caller.callId())
                        || !reserved.node().equals(Optional.of(node)) || !node.equals(caller.node())
                        || !reserved.readySince().equals(before.readySince()) || !reserved.equals(status(agent))) {
                    unfitReservations.add("step " + step + ": " + node + " stored " + status(agent) + " for "
                            + caller + " but offered " + reserved);
                }
                reservedFor.put(agent, caller.callId());
            }
        }

        private void check() {
            for (QueueEntry caller : arrived) {
                boolean waiting = queue.contains(caller);
                int offered = timesOffered.getOrDefault(caller.callId(), 0);
                if (waiting == (offered > 0) || offered > 1) {
                    lostOrDuplicated.add("after step " + step + ": " + caller.callId() + (waiting ? " waiting" : " not waiting")
                            + " and offered " + offered + " times");
                }
            }
            for (QueueEntry caller : notYetArrived) {
                if (queue.contains(caller) || timesOffered.containsKey(caller.callId())) {
                    lostOrDuplicated.add("after step " + step + ": " + caller.callId() + " was never queued, yet served");
                }
            }
            for (AgentKey agent : agents) {
                AgentStatus now = status(agent);
                String offeredFor = reservedFor.get(agent);
                if (offeredFor != null) {
                    if (!now.isEngagedWith(offeredFor) || now.state() != AgentState.RESERVED) {
                        strayReservations.add("after step " + step + ": " + agent + " offered " + offeredFor + " but is " + now);
                    }
                } else {
                    AgentStatus expected = setByTest.get(agent);
                    // A reservation undone after a lost take leaves the agent as it was, but for 'since'.
                    if (now.state() != expected.state() || !now.readySince().equals(expected.readySince())
                            || !now.blockedUntil().equals(expected.blockedUntil()) || now.noAnswers() != expected.noAnswers()
                            || now.callId().isPresent() || now.node().isPresent()) {
                        strayReservations.add("after step " + step + ": " + agent + " is " + now + " with no offer; expected "
                                + expected);
                    }
                }
            }
        }
    }
}
