package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.time.MovableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomOrderTest {

    private static final List<String> CALL_IDS = List.of("a84b4c76e66710@pc33.example.com", "call-1", "call-2", "call-3",
            "call-4", "call-5", "call-6", "call-7", "call-8", "call-9", "call-10", "call-11");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final RandomOrder random = new RandomOrder();
    private final List<Candidate> agents = List.of(
            FreeAgent.of("1001").idle(10).on(clock),
            FreeAgent.of("1002").idle(20).on(clock),
            FreeAgent.of("1003").idle(30).on(clock),
            FreeAgent.of("1004").idle(40).on(clock),
            FreeAgent.of("1005").idle(50).on(clock));

    private List<String> ranked(List<Candidate> candidates, String callId) {
        return random.rank(candidates, FreeAgent.turnOf(callId, clock)).stream().map(Candidate::extension).toList();
    }

    @Test
    void theSameCallDrawsTheSameOrderWhateverOrderTheAgentsComeIn() {
        List<Candidate> reversed = new ArrayList<>(agents);
        Collections.reverse(reversed);

        for (String callId : CALL_IDS) {
            assertThat(ranked(reversed, callId)).as(callId).isEqualTo(ranked(agents, callId));
        }
    }

    @Test
    void differentCallsDrawDifferentAgentsFirst() {
        Set<String> firsts = new HashSet<>();
        Set<List<String>> orders = new HashSet<>();
        for (String callId : CALL_IDS) {
            List<String> order = ranked(agents, callId);
            firsts.add(order.get(0));
            orders.add(order);
        }

        assertThat(firsts).as("first choices over %s calls", CALL_IDS.size()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(orders).as("orders over %s calls", CALL_IDS.size()).hasSizeGreaterThanOrEqualTo(CALL_IDS.size() - 2);
    }

    @Test
    void aLowerPenaltyComesFirstWhateverTheDraw() {
        List<Candidate> withPenalised = new ArrayList<>(agents);
        withPenalised.add(FreeAgent.of("1000").penalty(1).idle(900).on(clock));

        for (String callId : CALL_IDS) {
            assertThat(ranked(withPenalised, callId)).as(callId).last().isEqualTo("1000");
        }
    }

    @Test
    void agentsWhoDrawTheSameGoLongestIdleFirstThenByExtension() {
        // "Aa" and "BB" have the same String hash, so every call draws the same for both.
        assertThat("demo/Aa".hashCode()).isEqualTo("demo/BB".hashCode());
        List<Candidate> longerIdleSecond = List.of(FreeAgent.of("Aa").idle(10).on(clock), FreeAgent.of("BB").idle(60).on(clock));
        List<Candidate> equallyIdle = List.of(FreeAgent.of("BB").idle(60).on(clock), FreeAgent.of("Aa").idle(60).on(clock));

        for (String callId : CALL_IDS) {
            assertThat(ranked(longerIdleSecond, callId)).as(callId).containsExactly("BB", "Aa");
            assertThat(ranked(equallyIdle, callId)).as(callId).containsExactly("Aa", "BB");
        }
    }

    @Test
    void theReasonNamesTheDraw() {
        Turn turn = FreeAgent.turnOf("call-1", clock);
        Candidate chosen = random.rank(agents, turn).get(0);

        assertThat(random.explain(chosen, turn, clock.instant()))
                .matches("random: " + chosen.extension() + " drew 0\\.\\d{3} for this call, lowest first");
    }
}
