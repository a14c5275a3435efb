package io.verbund.acd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WrapUpTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");

    private static AgentStatus onCall(String call) {
        return AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve(call, "node-a", T0.plusSeconds(1))
                .ring(T0.plusSeconds(1)).answer(T0.plusSeconds(3));
    }

    @Test
    void aGroupsWrapUpTimeKeepsTheAgentInWrapUpThenReady() {
        WrapUp thirty = WrapUp.of(30, false);
        AgentStatus wrapUp = thirty.callEnded(onCall("call-1"), T0.plusSeconds(60));

        assertThat(wrapUp.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(thirty.timeUp(wrapUp, "call-1", false, T0.plusSeconds(90)).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void withoutWrapUpTimeTheAgentIsReadyAtTheCallsEnd() {
        assertThat(WrapUp.of(0, false).hasTime()).isFalse();
        assertThat(WrapUp.of(0, false).callEnded(onCall("call-1"), T0.plusSeconds(60)).state()).isEqualTo(AgentState.READY);
        assertThat(WrapUp.NONE).isEqualTo(WrapUp.of(-5, false));
    }

    @Test
    void forcedDispositionWrapsUpAtLeastAMomentAndUntilTheDispositionIsGiven() {
        WrapUp forced = WrapUp.of(0, true);
        AgentStatus wrapUp = forced.callEnded(onCall("call-1"), T0.plusSeconds(60));

        assertThat(forced.time()).isEqualTo(Duration.ofSeconds(1));
        assertThat(wrapUp.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(forced.timeUp(wrapUp, "call-1", false, T0.plusSeconds(61))).as("no disposition yet").isSameAs(wrapUp);
        assertThat(forced.timeUp(wrapUp, "call-1", true, T0.plusSeconds(61)).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theTimerOfAnOldCallDoesNotEndANewerWrapUpOrAnotherState() {
        WrapUp thirty = WrapUp.of(30, false);
        AgentStatus second = thirty.callEnded(onCall("call-2"), T0.plusSeconds(60));
        AgentStatus paused = second.goReady(T0.plusSeconds(61)).pause("LUNCH", T0.plusSeconds(62));

        assertThat(thirty.timeUp(second, "call-1", true, T0.plusSeconds(70))).isSameAs(second);
        assertThat(thirty.timeUp(paused, "call-2", true, T0.plusSeconds(90))).isSameAs(paused);
    }

    @Test
    void aDispositionNeedsTimeToBeAskedForAndTimeIsNotNegative() {
        assertThatThrownBy(() -> new WrapUp(Duration.ZERO, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WrapUp(Duration.ofSeconds(-1), false)).isInstanceOf(IllegalArgumentException.class);
    }
}
