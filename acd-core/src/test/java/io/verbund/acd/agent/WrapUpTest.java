package io.verbund.acd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
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
        WrapUp thirty = WrapUp.of(30, false, 0);
        AgentStatus wrapUp = thirty.callEnded(onCall("call-1"), T0.plusSeconds(60));

        assertThat(wrapUp.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(thirty.timeUp(wrapUp, "call-1", false, T0.plusSeconds(90)).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void withoutWrapUpTimeTheAgentIsReadyAtTheCallsEnd() {
        assertThat(WrapUp.of(0, false, 0).hasTime()).isFalse();
        assertThat(WrapUp.of(0, false, 0).callEnded(onCall("call-1"), T0.plusSeconds(60)).state()).isEqualTo(AgentState.READY);
        assertThat(WrapUp.NONE).isEqualTo(WrapUp.of(-5, false, 0));
    }

    @Test
    void forcedDispositionWrapsUpAtLeastAMomentAndUntilTheDispositionIsGiven() {
        WrapUp forced = WrapUp.of(0, true, 0);
        AgentStatus wrapUp = forced.callEnded(onCall("call-1"), T0.plusSeconds(60));

        assertThat(forced.time()).isEqualTo(Duration.ofSeconds(1));
        assertThat(wrapUp.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(forced.timeUp(wrapUp, "call-1", false, T0.plusSeconds(61))).as("no disposition yet").isSameAs(wrapUp);
        assertThat(forced.timeUp(wrapUp, "call-1", true, T0.plusSeconds(61)).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theTimerOfAnOldCallDoesNotEndANewerWrapUpOrAnotherState() {
        WrapUp thirty = WrapUp.of(30, false, 0);
        AgentStatus second = thirty.callEnded(onCall("call-2"), T0.plusSeconds(60));
        AgentStatus paused = second.goReady(T0.plusSeconds(61)).pause("LUNCH", T0.plusSeconds(62));

        assertThat(thirty.timeUp(second, "call-1", true, T0.plusSeconds(70))).isSameAs(second);
        assertThat(thirty.timeUp(paused, "call-2", true, T0.plusSeconds(90))).isSameAs(paused);
    }

    @Test
    void aDispositionNeedsTimeToBeAskedForAndTimeIsNotNegative() {
        assertThatThrownBy(() -> new WrapUp(Duration.ZERO, true, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WrapUp(Duration.ofSeconds(-1), false, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The agent asks for more wrap-up time; the group's allowance bounds it per call. */
    @Nested
    class Extension {

        private final MovableClock clock = new MovableClock(T0);
        private final WrapUp thirtyPlusSixty = WrapUp.of(30, false, 60);

        private AgentStatus wrappingUp() {
            AgentStatus talking = onCall("call-1");
            clock.set(T0.plusSeconds(60));
            return thirtyPlusSixty.callEnded(talking, clock.instant());
        }

        @Test
        void anExtensionMovesTheEndTheTimerHonours() {
            AgentStatus wrapUp = wrappingUp();
            clock.advanceSeconds(20);
            AgentStatus extended = wrapUp.extendWrapUp(Duration.ofSeconds(30), clock.instant());

            assertThat(extended.wrapUpPeriod().ends()).isEqualTo(T0.plusSeconds(60 + 30 + 30));
            assertThat(extended.wrapUpPeriod().extensionLeft()).isEqualTo(Duration.ofSeconds(30));
            assertThat(extended.since()).as("still the same wrap-up").isEqualTo(wrapUp.since());

            clock.set(T0.plusSeconds(90));
            assertThat(thirtyPlusSixty.timeUp(extended, "call-1", false, clock.instant())).as("the group's time is over, the extension not")
                    .isSameAs(extended);
            assertThat(thirtyPlusSixty.extendedUntil(extended, "call-1", clock.instant())).contains(T0.plusSeconds(120));

            clock.set(T0.plusSeconds(120));
            assertThat(thirtyPlusSixty.extendedUntil(extended, "call-1", clock.instant())).isEmpty();
            assertThat(thirtyPlusSixty.timeUp(extended, "call-1", false, clock.instant()).state()).isEqualTo(AgentState.READY);
        }

        @Test
        void aTimerAMomentEarlyLooksAgainAtTheEnd() {
            AgentStatus wrapUp = wrappingUp();
            Instant early = T0.plusSeconds(90).minusMillis(1);

            assertThat(thirtyPlusSixty.timeUp(wrapUp, "call-1", false, early)).isSameAs(wrapUp);
            assertThat(thirtyPlusSixty.extendedUntil(wrapUp, "call-1", early)).contains(T0.plusSeconds(90));
        }

        @Test
        void extensionsAddUpWithinTheAllowanceAndNoFurther() {
            AgentStatus twice = wrappingUp().extendWrapUp(Duration.ofSeconds(30), clock.instant())
                    .extendWrapUp(Duration.ofSeconds(30), clock.instant());

            assertThat(twice.wrapUpPeriod().ends()).isEqualTo(T0.plusSeconds(60 + 30 + 60));
            assertThat(twice.wrapUpPeriod().extensionLeft()).isZero();
            assertThatThrownBy(() -> twice.extendWrapUp(Duration.ofSeconds(1), clock.instant()))
                    .isInstanceOfSatisfying(WrapUpExtensionRefused.class,
                            refused -> assertThat(refused.why()).isEqualTo(WrapUpExtensionRefused.Why.ALLOWANCE_USED_UP))
                    .hasMessageContaining("0 s more");
            assertThatThrownBy(() -> wrappingUp().extendWrapUp(Duration.ofSeconds(61), clock.instant()))
                    .isInstanceOfSatisfying(WrapUpExtensionRefused.class,
                            refused -> assertThat(refused.why()).isEqualTo(WrapUpExtensionRefused.Why.ALLOWANCE_USED_UP));
        }

        @Test
        void aGroupWithoutAllowanceRefusesEveryExtension() {
            AgentStatus wrapUp = WrapUp.of(30, false, 0).callEnded(onCall("call-1"), T0.plusSeconds(60));

            assertThatThrownBy(() -> wrapUp.extendWrapUp(Duration.ofSeconds(10), T0.plusSeconds(61)))
                    .isInstanceOfSatisfying(WrapUpExtensionRefused.class,
                            refused -> assertThat(refused.why()).isEqualTo(WrapUpExtensionRefused.Why.NOT_ALLOWED));
        }

        @Test
        void onlyAWrapUpCanBeExtended() {
            AgentStatus ready = wrappingUp().goReady(clock.instant());

            assertThatThrownBy(() -> ready.extendWrapUp(Duration.ofSeconds(10), clock.instant()))
                    .isInstanceOfSatisfying(WrapUpExtensionRefused.class,
                            refused -> assertThat(refused.why()).isEqualTo(WrapUpExtensionRefused.Why.NOT_IN_WRAP_UP))
                    .hasMessageContaining("READY");
            assertThatThrownBy(() -> onCall("call-1").extendWrapUp(Duration.ofSeconds(10), clock.instant()))
                    .isInstanceOf(WrapUpExtensionRefused.class);
            assertThat(ready.wrapUpPeriod()).as("leaving wrap-up forgets it").isEqualTo(WrapUpPeriod.NONE);
        }

        @Test
        void anExtensionIsSomeTime() {
            AgentStatus wrapUp = wrappingUp();

            assertThatThrownBy(() -> wrapUp.extendWrapUp(Duration.ZERO, clock.instant())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> wrapUp.extendWrapUp(Duration.ofSeconds(-5), clock.instant()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aWrapUpHeldPastItsTimeForADispositionIsExtendedFromNow() {
            WrapUp forced = WrapUp.of(10, true, 60);
            AgentStatus waiting = forced.callEnded(onCall("call-1"), T0.plusSeconds(60));
            clock.set(T0.plusSeconds(100));

            AgentStatus extended = waiting.extendWrapUp(Duration.ofSeconds(30), clock.instant());

            assertThat(extended.wrapUpPeriod().ends()).isEqualTo(T0.plusSeconds(130));
            assertThat(forced.timeUp(extended, "call-1", true, T0.plusSeconds(110))).as("disposed, but extended").isSameAs(extended);
            assertThat(forced.timeUp(extended, "call-1", true, T0.plusSeconds(130)).state()).isEqualTo(AgentState.READY);
        }

        @Test
        void aGroupWithoutWrapUpTimeHasNothingToExtendAndNoAllowanceIsNegative() {
            assertThat(WrapUp.of(0, false, 60).callEnded(onCall("call-1"), T0.plusSeconds(60)).state()).isEqualTo(AgentState.READY);
            assertThatThrownBy(() -> new WrapUp(Duration.ofSeconds(30), false, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
