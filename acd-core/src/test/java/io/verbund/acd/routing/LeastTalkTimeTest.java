package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastTalkTimeTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final LeastTalkTime leastTalkTime = new LeastTalkTime();
    private final Turn turn = FreeAgent.turnOf("c1", clock);

    private List<String> ranked(Candidate... candidates) {
        return leastTalkTime.rank(List.of(candidates), turn).stream().map(Candidate::extension).toList();
    }

    @Test
    void theAgentWhoTalkedLeastTodayGetsTheNextCall() {
        Candidate fewLongCalls = FreeAgent.of("1001").workload(2, Duration.ofMinutes(40)).idle(900).on(clock);
        Candidate manyShortCalls = FreeAgent.of("1002").workload(20, Duration.ofSeconds(754)).idle(5).on(clock);
        Candidate between = FreeAgent.of("1003").workload(6, Duration.ofMinutes(25)).idle(60).on(clock);

        assertThat(ranked(fewLongCalls, manyShortCalls, between)).as("by talk time, not by calls or idle")
                .containsExactly("1002", "1003", "1001");
        assertThat(leastTalkTime.explain(manyShortCalls, turn, clock.instant()))
                .isEqualTo("least talk time: 1002 talked 754 s today");
    }

    @Test
    void aLowerPenaltyComesBeforeLessTalkTime() {
        Candidate penalisedSilent = FreeAgent.of("1001").penalty(1).on(clock);
        Candidate talkative = FreeAgent.of("1002").workload(30, Duration.ofHours(5)).on(clock);

        assertThat(ranked(penalisedSilent, talkative)).containsExactly("1002", "1001");
    }

    @Test
    void equalTalkTimesGoLongestIdleFirstThenByExtension() {
        Duration same = Duration.ofMinutes(12);
        Candidate recent = FreeAgent.of("1001").workload(1, same).idle(5).on(clock);
        Candidate idle = FreeAgent.of("1003").workload(9, same).idle(50).on(clock);
        Candidate sameIdle = FreeAgent.of("1002").workload(3, same).idle(50).on(clock);

        assertThat(ranked(recent, idle, sameIdle)).containsExactly("1002", "1003", "1001");
    }
}
