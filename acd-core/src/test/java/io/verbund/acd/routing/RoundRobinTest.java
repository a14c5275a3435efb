package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.time.MovableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final RoundRobin roundRobin = new RoundRobin();

    private final Candidate first = FreeAgent.of("1001").position(1).idle(10).on(clock);
    private final Candidate second = FreeAgent.of("1002").position(2).idle(20).on(clock);
    private final Candidate third = FreeAgent.of("1003").position(3).idle(300).on(clock);

    private Turn after(Candidate lastOffered) {
        return new Turn(FreeAgent.turnOf("c1", clock).caller(), Optional.of(lastOffered.member()));
    }

    private static List<String> extensions(List<Candidate> ranked) {
        return ranked.stream().map(Candidate::extension).toList();
    }

    @Test
    void beforeAnyOfferTheRotationStartsAtTheTopOfTheList() {
        Turn firstTurn = FreeAgent.turnOf("c1", clock);

        List<Candidate> ranked = roundRobin.rank(List.of(third, second, first), firstTurn);

        assertThat(extensions(ranked)).as("member order, however long 1003 idles").containsExactly("1001", "1002", "1003");
        assertThat(roundRobin.explain(ranked.get(0), firstTurn, clock.instant()))
                .isEqualTo("round robin: 1001 starts the rotation, no member offered before");
    }

    @Test
    void theMemberAfterTheLastOfferedComesNextAndTheListWraps() {
        List<Candidate> ranked = roundRobin.rank(List.of(first, second, third), after(second));

        assertThat(extensions(ranked)).containsExactly("1003", "1001", "1002");
        assertThat(roundRobin.explain(ranked.get(0), after(second), clock.instant()))
                .isEqualTo("round robin: 1003 follows 1002, last offered");
    }

    @Test
    void afterTheLastMemberTheTopOfTheListComesNext() {
        assertThat(extensions(roundRobin.rank(List.of(third, first, second), after(third))))
                .containsExactly("1001", "1002", "1003");
    }

    @Test
    void aMemberNotFreeIsPassedOver() {
        assertThat(extensions(roundRobin.rank(List.of(first, third), after(first)))).containsExactly("1003", "1001");
    }

    @Test
    void aLowerPenaltyComesFirstEvenWhenTheRotationHasPassedIt() {
        Candidate penalisedNext = FreeAgent.of("1002").position(2).penalty(1).on(clock);

        assertThat(extensions(roundRobin.rank(List.of(first, penalisedNext, third), after(first))))
                .containsExactly("1003", "1001", "1002");
    }

    @Test
    void membersSharingAPositionGoLongestIdleFirstThenByExtension() {
        Candidate recent = FreeAgent.of("1005").position(4).idle(5).on(clock);
        Candidate idle = FreeAgent.of("1006").position(4).idle(50).on(clock);
        Candidate sameIdle = FreeAgent.of("1004").position(4).idle(50).on(clock);

        assertThat(extensions(roundRobin.rank(List.of(recent, idle, sameIdle), after(third))))
                .containsExactly("1004", "1006", "1005");
    }
}
