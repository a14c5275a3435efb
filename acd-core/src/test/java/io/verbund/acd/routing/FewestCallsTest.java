package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FewestCallsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FewestCalls fewestCalls = new FewestCalls();
    private final Turn turn = FreeAgent.turnOf("c1", clock);

    private List<String> ranked(Candidate... candidates) {
        return fewestCalls.rank(List.of(candidates), turn).stream().map(Candidate::extension).toList();
    }

    @Test
    void theAgentWithTheFewestCallsTodayGetsTheNext() {
        Candidate busy = FreeAgent.of("1001").workload(12, Duration.ofMinutes(30)).idle(900).on(clock);
        Candidate quiet = FreeAgent.of("1002").workload(3, Duration.ofMinutes(50)).idle(5).on(clock);
        Candidate between = FreeAgent.of("1003").workload(7, Duration.ofMinutes(10)).idle(60).on(clock);

        assertThat(ranked(busy, quiet, between)).as("by calls, not by idle or talk time").containsExactly("1002", "1003", "1001");
        assertThat(fewestCalls.explain(quiet, turn, clock.instant())).isEqualTo("fewest calls: 1002 took 3 today");
    }

    @Test
    void aLowerPenaltyComesBeforeFewerCalls() {
        Candidate penalisedIdle = FreeAgent.of("1001").penalty(1).on(clock);
        Candidate busy = FreeAgent.of("1002").workload(40, Duration.ofHours(3)).on(clock);

        assertThat(ranked(penalisedIdle, busy)).containsExactly("1002", "1001");
    }

    @Test
    void equalCountsGoLongestIdleFirstThenByExtension() {
        Candidate recent = FreeAgent.of("1001").workload(4, Duration.ZERO).idle(5).on(clock);
        Candidate idle = FreeAgent.of("1003").workload(4, Duration.ofMinutes(9)).idle(50).on(clock);
        Candidate sameIdle = FreeAgent.of("1002").workload(4, Duration.ofMinutes(1)).idle(50).on(clock);

        assertThat(ranked(recent, idle, sameIdle)).containsExactly("1002", "1003", "1001");
    }
}
