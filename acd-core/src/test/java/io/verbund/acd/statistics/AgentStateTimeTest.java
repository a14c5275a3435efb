package io.verbund.acd.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.statistics.AgentStateTime.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentStateTimeTest {

    private static Instant at(String time) {
        return Instant.parse("2026-12-05T" + time + "Z");
    }

    private static Change change(String time, AgentState state) {
        return new Change(at(time), state, Optional.empty());
    }

    /** 09:50 ready, 09:58 rings, 09:58:10 talks, 10:04 wraps up, 10:05 paused (LUNCH), 10:35 logged out. */
    private static final List<Change> SHIFT = List.of(change("09:50:00", AgentState.READY), change("09:58:00", AgentState.RINGING),
            change("09:58:10", AgentState.ON_CALL), change("10:04:00", AgentState.WRAP_UP),
            new Change(at("10:05:00"), AgentState.PAUSED, Optional.of("LUNCH")), change("10:35:00", AgentState.LOGGED_OUT));

    @Test
    void aStateRunningAcrossAQuarterHourIsSplitAtIt() {
        Map<Instant, AgentStateTime> slices = AgentStateTime.bySlice(SHIFT, at("11:00:00"));

        assertThat(slices).containsOnlyKeys(at("09:45:00"), at("10:00:00"), at("10:15:00"), at("10:30:00"));
        AgentStateTime first = slices.get(at("09:45:00"));
        assertThat(first.in(AgentState.READY)).isEqualTo(Duration.ofMinutes(8));
        assertThat(first.in(AgentState.RINGING)).isEqualTo(Duration.ofSeconds(10));
        assertThat(first.in(AgentState.ON_CALL)).isEqualTo(Duration.ofSeconds(110));
        AgentStateTime second = slices.get(at("10:00:00"));
        assertThat(second.in(AgentState.ON_CALL)).isEqualTo(Duration.ofMinutes(4));
        assertThat(second.in(AgentState.WRAP_UP)).isEqualTo(Duration.ofMinutes(1));
        assertThat(second.paused()).containsEntry("LUNCH", Duration.ofMinutes(10));
        assertThat(slices.get(at("10:30:00")).paused()).containsEntry("LUNCH", Duration.ofMinutes(5));
    }

    @Test
    void occupancyLeavesPausesOutAndUtilisationDoesNot() {
        AgentStateTime shift = AgentStateTime.sum(new ArrayList<>(AgentStateTime.bySlice(SHIFT, at("11:00:00")).values()));

        // handling 5 min 50 s + 1 min = 410 s; available 8 min 10 s = 490 s; logged in 45 min = 2700 s
        assertThat(shift.handling()).isEqualTo(Duration.ofSeconds(410));
        assertThat(shift.loggedIn()).isEqualTo(Duration.ofMinutes(45));
        assertThat(shift.occupancyPercent()).contains(100.0 * 410 / 900);
        assertThat(shift.utilisationPercent()).contains(100.0 * 410 / 2700);
    }

    @Test
    void theLastStateLastsUntilTheEndAskedForAndAcrossMidnight() {
        Map<Instant, AgentStateTime> slices = AgentStateTime.bySlice(
                List.of(new Change(Instant.parse("2026-12-05T23:50:00Z"), AgentState.READY, Optional.empty())),
                Instant.parse("2026-12-06T00:10:00Z"));

        assertThat(slices.get(Instant.parse("2026-12-05T23:45:00Z")).in(AgentState.READY)).isEqualTo(Duration.ofMinutes(10));
        assertThat(slices.get(Instant.parse("2026-12-06T00:00:00Z")).in(AgentState.READY)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void notLoggedInHasNoRatios() {
        assertThat(AgentStateTime.NONE.occupancyPercent()).isEmpty();
        assertThat(AgentStateTime.NONE.utilisationPercent()).isEmpty();
    }
}
