package io.verbund.acd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PauseLimitsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final PauseLimits LIMITS = new PauseLimits(Map.of("BREAK", Duration.ofMinutes(15), "NO_ANSWER", Duration.ofMinutes(2)));

    private static AgentStatus paused(String reason) {
        return AgentStatus.loggedOut(AGENT, T0).goReady(T0).pause(reason, T0);
    }

    @Test
    void aPauseEndsWhenItsReasonsLimitIsReachedAndNotBefore() {
        assertThat(LIMITS.overrun(paused("BREAK"), T0.plus(Duration.ofMinutes(15)).minusMillis(1))).isEmpty();

        AgentStatus ready = LIMITS.overrun(paused("BREAK"), T0.plus(Duration.ofMinutes(15))).orElseThrow();

        assertThat(ready.state()).isEqualTo(AgentState.READY);
        assertThat(ready.since()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theSystemsNoAnswerPauseHasALimitTooWhenTheTenantGivesOne() {
        assertThat(LIMITS.overrun(paused("NO_ANSWER"), T0.plusSeconds(120))).isPresent();
    }

    @Test
    void reasonsWithoutALimitAndOtherStatesAreLeftAlone() {
        assertThat(LIMITS.overrun(paused("LUNCH"), T0.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(LIMITS.overrun(AgentStatus.loggedOut(AGENT, T0).goReady(T0), T0.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(PauseLimits.NONE.overrun(paused("BREAK"), T0.plus(Duration.ofHours(5)))).isEmpty();
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> new PauseLimits(Map.of("BREAK", Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
