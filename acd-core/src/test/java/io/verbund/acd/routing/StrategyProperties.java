package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What every strategy's order promises, over random free agents and callers: it ranks each free
 * agent exactly once, the same way whatever order the agents are found in, puts a lower penalty
 * first whatever its own key says, and never ties two agents, so every node picks the same one.
 */
class StrategyProperties {

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));

    record Spec(int extension, int idleSeconds, int penalty, int proficiency, int position, int calls, int talkSeconds) {

        Candidate candidate() {
            return FreeAgent.of(Integer.toString(extension)).idle(idleSeconds).penalty(penalty).proficiency(proficiency)
                    .position(position).workload(calls, Duration.ofSeconds(talkSeconds)).on(CLOCK);
        }
    }

    record Scene(String strategy, List<Candidate> free, Turn turn) {

        RoutingStrategy routing() {
            return RoutingStrategy.named(strategy);
        }
    }

    @Property(tries = 500)
    void aRankingIsAPermutationOfTheFreeAgents(@ForAll("scenes") Scene scene) {
        List<Candidate> ranked = scene.routing().rank(scene.free(), scene.turn());

        assertThat(ranked).hasSameSizeAs(scene.free()).containsExactlyInAnyOrderElementsOf(scene.free());
    }

    @Property(tries = 500)
    void theSameAgentsAndCallerGiveTheSameRankingInWhateverOrderTheyAreFound(@ForAll("scenes") Scene scene,
                                                                              @ForAll long seed) {
        List<Candidate> shuffled = new ArrayList<>(scene.free());
        Collections.shuffle(shuffled, new Random(seed));

        List<Candidate> ranked = scene.routing().rank(scene.free(), scene.turn());

        assertThat(RoutingStrategy.named(scene.strategy()).rank(shuffled, scene.turn())).isEqualTo(ranked);
    }

    @Property(tries = 500)
    void aLowerPenaltyAlwaysComesFirst(@ForAll("scenes") Scene scene) {
        List<Candidate> ranked = scene.routing().rank(scene.free(), scene.turn());

        assertThat(ranked).extracting(Candidate::penalty).isSorted();
    }

    @Property(tries = 500)
    void noTwoAgentsTieAndTheOrderIsConsistentBothWays(@ForAll("scenes") Scene scene) {
        Comparator<Candidate> order = scene.routing().orderFor(scene.turn());

        for (Candidate a : scene.free()) {
            for (Candidate b : scene.free()) {
                int ab = Integer.signum(order.compare(a, b));
                assertThat(ab).as("%s vs %s", a.extension(), b.extension()).isEqualTo(-Integer.signum(order.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s", a.extension(), b.extension()).isEqualTo(a == b);
                if (a.penalty() < b.penalty()) {
                    assertThat(ab).as("penalty %s before %s", a.penalty(), b.penalty()).isNegative();
                }
            }
        }
    }

    /** The distributor's linear scan for the best must hand agents out exactly as the ranking orders them. */
    @Property(tries = 300)
    void handingOutTheBestOneAtATimeFollowsTheRanking(@ForAll("scenes") Scene scene) {
        Comparator<Candidate> order = scene.routing().orderFor(scene.turn());
        AvailableAgents free = new AvailableAgents(scene.free());
        List<Candidate> handedOut = new ArrayList<>();

        for (Optional<Candidate> next = free.takeBest(order); next.isPresent(); next = free.takeBest(order)) {
            handedOut.add(next.get());
        }

        assertThat(handedOut).isEqualTo(scene.routing().rank(scene.free(), scene.turn()));
    }

    /**
     * Callers that rank alike carry on with the ranking a pass made before them (and sort it all once
     * it runs short): one agent taken per caller, the agents still come out as the ranking orders them.
     */
    @Property(tries = 300)
    void callersRankedAlikeTakeTheAgentsInRankingOrder(@ForAll("scenes") Scene scene) {
        AvailableAgents free = new AvailableAgents(scene.free());
        List<Candidate> handedOut = new ArrayList<>();

        for (int caller = 0; caller <= scene.free().size(); caller++) {
            free.lookFor(scene.turn(), scene.routing(), CLOCK.instant());
            free.takeBestLooked().ifPresent(handedOut::add);
        }

        assertThat(handedOut).isEqualTo(scene.routing().rank(scene.free(), scene.turn()));
    }

    @Provide
    Arbitrary<Scene> scenes() {
        Arbitrary<Spec> specs = Combinators.combine(
                Arbitraries.integers().between(1000, 1030),
                Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 5),
                // Narrow ranges, so the strategies' own keys tie often and the tie-breaks are reached.
                Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 300).map(seconds -> seconds - seconds % 60)).as(Spec::new);
        Arbitrary<List<Candidate>> free = specs.list().ofMaxSize(12).uniqueElements(Spec::extension)
                .map(list -> list.stream().map(Spec::candidate).toList());
        Arbitrary<String> callIds = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('@', '.', '-')
                .ofMinLength(1).ofMaxLength(24);
        Arbitrary<Optional<GroupMembership>> lastOffered = Arbitraries.integers().between(0, 7)
                .map(position -> (GroupMembership) new Member(new AgentKey(FreeAgent.DEMO, "2000"), 0, 0, position))
                .optional();
        Arbitrary<Turn> turns = Combinators.combine(callIds, lastOffered)
                .as((callId, last) -> new Turn(FreeAgent.turnOf(callId, CLOCK).caller(), last));
        return Combinators.combine(strategyNames(), free, turns).as(Scene::new);
    }

    private static Arbitrary<String> strategyNames() {
        return Arbitraries.of("LONGEST_IDLE", "ROUND_ROBIN", "RING_ALL", "FEWEST_CALLS", "LEAST_CALLS", "LEAST_TALK_TIME",
                "RANDOM", "LINEAR", "SKILLS_BASED");
    }
}
