package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.time.MovableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Linear linear = new Linear();
    private final Turn turn = FreeAgent.turnOf("c1", clock);

    private List<String> ranked(Candidate... candidates) {
        return linear.rank(List.of(candidates), turn).stream().map(Candidate::extension).toList();
    }

    @Test
    void theFirstFreeMemberInTheGroupsListGetsTheCall() {
        Candidate top = FreeAgent.of("1009").position(1).idle(5).on(clock);
        Candidate middle = FreeAgent.of("1001").position(2).idle(900).on(clock);
        Candidate bottom = FreeAgent.of("1005").position(3).idle(60).on(clock);

        assertThat(ranked(bottom, middle, top)).containsExactly("1009", "1001", "1005");
        assertThat(linear.explain(top, turn, clock.instant())).isEqualTo("linear: 1009 is at position 1 in the group's list");
    }

    @Test
    void aLowerPenaltyComesBeforeAPlaceHigherInTheList() {
        Candidate penalisedTop = FreeAgent.of("1001").position(1).penalty(2).on(clock);
        Candidate bottom = FreeAgent.of("1002").position(9).on(clock);

        assertThat(ranked(penalisedTop, bottom)).containsExactly("1002", "1001");
    }

    @Test
    void membersSharingAPositionGoLongestIdleFirstThenByExtension() {
        Candidate recent = FreeAgent.of("1001").position(1).idle(5).on(clock);
        Candidate idle = FreeAgent.of("1003").position(1).idle(50).on(clock);
        Candidate sameIdle = FreeAgent.of("1002").position(1).idle(50).on(clock);

        assertThat(ranked(recent, idle, sameIdle)).containsExactly("1002", "1003", "1001");
    }
}
