package io.verbund.acd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgentStatusTest {

    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static AgentStatus loggedOut() {
        return AgentStatus.loggedOut(AGENT, T0);
    }

    private static AgentStatus ready() {
        return loggedOut().goReady(at(10));
    }

    private static AgentStatus onCall() {
        return ready().reserve("call-1", "node-a", at(20)).ring(at(21)).answer(at(25));
    }

    @Nested
    class ItsCallMovesToAnotherNode {

        @Test
        void theAgentTalksOnOnTheSameCallSinceTheSameMomentHeldByTheTakingNode() {
            AgentStatus moved = onCall().callMovedTo("call-1", "node-b", at(40));

            assertThat(moved.state()).isEqualTo(AgentState.ON_CALL);
            assertThat(moved.callId()).contains("call-1");
            assertThat(moved.node()).contains("node-b");
            assertThat(moved.since()).isEqualTo(at(25));
            assertThat(moved.isEngagedWith("call-1")).isTrue();
        }

        @Test
        void onlyAnAgentStillOnThatCallMoves() {
            assertThatThrownBy(() -> onCall().callMovedTo("call-2", "node-b", at(40))).isInstanceOf(IllegalAgentTransition.class);
            assertThatThrownBy(() -> ready().callMovedTo("call-1", "node-b", at(40))).isInstanceOf(IllegalAgentTransition.class);
        }
    }

    @Nested
    class PeopleMoveAnAgent {

        @Test
        void everyAgentStartsLoggedOutWithNothingPending() {
            AgentStatus status = loggedOut();

            assertThat(status.state()).isEqualTo(AgentState.LOGGED_OUT);
            assertThat(status.since()).isEqualTo(T0);
            assertThat(status.reason()).isEmpty();
            assertThat(status.callId()).isEmpty();
            assertThat(status.noAnswers()).isZero();
            assertThat(status.isAvailable(at(1))).isFalse();
        }

        @Test
        void goingReadyStartsTheIdleClockAndMakesTheAgentAvailable() {
            AgentStatus status = loggedOut().goReady(at(10));

            assertThat(status.state()).isEqualTo(AgentState.READY);
            assertThat(status.since()).isEqualTo(at(10));
            assertThat(status.readySince()).isEqualTo(at(10));
            assertThat(status.isAvailable(at(10))).isTrue();
        }

        @Test
        void goingReadyWhenAlreadyReadyChangesNothing() {
            AgentStatus ready = ready();

            assertThat(ready.goReady(at(99))).isSameAs(ready);
        }

        @Test
        void pausingRecordsTheReasonAndKeepsTheIdleClock() {
            AgentStatus paused = ready().pause("BREAK", at(30));

            assertThat(paused.state()).isEqualTo(AgentState.PAUSED);
            assertThat(paused.reason()).contains("BREAK");
            assertThat(paused.since()).isEqualTo(at(30));
            assertThat(paused.readySince()).isEqualTo(at(10));
            assertThat(paused.isAvailable(at(31))).isFalse();
        }

        @Test
        void aPausedAgentCanSwitchToAnotherReason() {
            AgentStatus lunch = ready().pause("BREAK", at(30)).pause("LUNCH", at(40));

            assertThat(lunch.reason()).contains("LUNCH");
            assertThat(lunch.since()).isEqualTo(at(40));
        }

        @Test
        void aLoggedOutAgentCanStartPaused() {
            assertThat(loggedOut().pause("TRAINING", at(5)).state()).isEqualTo(AgentState.PAUSED);
        }

        @Test
        void comingBackFromAPauseClearsTheReason() {
            AgentStatus back = ready().pause("BREAK", at(30)).goReady(at(50));

            assertThat(back.state()).isEqualTo(AgentState.READY);
            assertThat(back.reason()).isEmpty();
            assertThat(back.readySince()).isEqualTo(at(50));
        }

        @Test
        void loggingOutClearsReasonCallAndNoAnswerCount() {
            AgentStatus out = ready().pause("BREAK", at(30)).logOut(at(60));

            assertThat(out.state()).isEqualTo(AgentState.LOGGED_OUT);
            assertThat(out.reason()).isEmpty();
            assertThat(out.callId()).isEmpty();
            assertThat(out.noAnswers()).isZero();
            assertThat(out.blockedUntil()).isEqualTo(Instant.EPOCH);
        }
    }

    @Nested
    class TheCallPathMovesAnAgent {

        @Test
        void aReadyAgentIsReservedRungAnsweredAndWrapsUp() {
            AgentStatus reserved = ready().reserve("call-1", "node-a", at(20));
            AgentStatus ringing = reserved.ring(at(21));
            AgentStatus talking = ringing.answer(at(25));
            AgentStatus wrapUp = talking.endCall(30, 0, at(90));

            assertThat(reserved.state()).isEqualTo(AgentState.RESERVED);
            assertThat(reserved.callId()).contains("call-1");
            assertThat(ringing.state()).isEqualTo(AgentState.RINGING);
            assertThat(talking.state()).isEqualTo(AgentState.ON_CALL);
            assertThat(talking.callId()).contains("call-1");
            assertThat(wrapUp.state()).isEqualTo(AgentState.WRAP_UP);
            assertThat(wrapUp.callId()).contains("call-1");
        }

        @Test
        void aCallWithoutWrapUpTimeReturnsTheAgentStraightToReady() {
            AgentStatus after = onCall().endCall(0, 0, at(90));

            assertThat(after.state()).isEqualTo(AgentState.READY);
            assertThat(after.callId()).isEmpty();
            assertThat(after.readySince()).isEqualTo(at(90));
        }

        @Test
        void anAgentInWrapUpMayGoReadyPauseOrLogOut() {
            AgentStatus wrapUp = onCall().endCall(30, 0, at(90));

            assertThat(wrapUp.goReady(at(100)).state()).isEqualTo(AgentState.READY);
            assertThat(wrapUp.pause("BREAK", at(100)).state()).isEqualTo(AgentState.PAUSED);
            assertThat(wrapUp.logOut(at(100)).state()).isEqualTo(AgentState.LOGGED_OUT);
        }

        @Test
        void anAgentMayAnswerWithoutARingingStep() {
            assertThat(ready().reserve("call-1", "node-a", at(20)).answer(at(21)).state()).isEqualTo(AgentState.ON_CALL);
        }

        @Test
        void anOfferNotAnsweredCountsAndBlocksTheAgentForTheRedialDelay() {
            AgentStatus free = ready().reserve("call-1", "node-a", at(20)).ring(at(21)).offerNotTaken(true, 3, 2, at(36));

            assertThat(free.state()).isEqualTo(AgentState.READY);
            assertThat(free.noAnswers()).isEqualTo(1);
            assertThat(free.callId()).isEmpty();
            assertThat(free.readySince()).as("keeps its place in the longest-idle order").isEqualTo(at(10));
            assertThat(free.isAvailable(at(37))).isFalse();
            assertThat(free.isAvailable(at(38))).isTrue();
        }

        @Test
        void tooManyOffersNotAnsweredInARowPauseTheAgentWithTheSystemReason() {
            AgentStatus status = ready();
            for (int offer = 0; offer < 3; offer++) {
                Instant now = at(100 + offer * 20L);
                status = status.reserve("call-" + offer, "node-a", now).ring(now).offerNotTaken(true, 3, 0, now.plusSeconds(15));
            }

            assertThat(status.state()).isEqualTo(AgentState.PAUSED);
            assertThat(status.reason()).contains("NO_ANSWER");
            assertThat(status.noAnswers()).isEqualTo(3);
        }

        @Test
        void anAnsweredCallResetsTheNoAnswerCount() {
            AgentStatus missedOnce = ready().reserve("call-1", "node-a", at(20)).offerNotTaken(true, 3, 0, at(35));

            assertThat(missedOnce.reserve("call-2", "node-a", at(40)).answer(at(41)).noAnswers()).isZero();
        }

        @Test
        void anOfferTheCallerAbandonedDoesNotCountAsNoAnswer() {
            AgentStatus free = ready().reserve("call-1", "node-a", at(20)).offerNotTaken(false, 3, 0, at(22));

            assertThat(free.noAnswers()).isZero();
            assertThat(free.isAvailable(at(22))).isTrue();
        }
    }

    @Nested
    class IllegalChangesAreRefused {

        @Test
        void anAgentOnACallCannotGoReadyPauseOrLogOut() {
            AgentStatus talking = onCall();

            assertThatThrownBy(() -> talking.goReady(at(30))).isInstanceOfSatisfying(IllegalAgentTransition.class,
                    e -> {
                        assertThat(e.from()).isEqualTo(AgentState.ON_CALL);
                        assertThat(e.to()).isEqualTo(AgentState.READY);
                        assertThat(e).hasMessageContaining("demo/1001");
                    });
            assertThatThrownBy(() -> talking.pause("BREAK", at(30))).isInstanceOf(IllegalAgentTransition.class);
            assertThatThrownBy(() -> talking.logOut(at(30))).isInstanceOf(IllegalAgentTransition.class);
        }

        @Test
        void aReservedOrRingingAgentCannotBeMovedByAPerson() {
            AgentStatus reserved = ready().reserve("call-1", "node-a", at(20));

            assertThatThrownBy(() -> reserved.goReady(at(21))).isInstanceOf(IllegalAgentTransition.class);
            assertThatThrownBy(() -> reserved.ring(at(21)).pause("BREAK", at(22))).isInstanceOf(IllegalAgentTransition.class);
        }

        @Test
        void onlyAReadyUnblockedAgentCanBeReserved() {
            assertThatThrownBy(() -> loggedOut().reserve("call-1", "node-a", at(1))).isInstanceOf(IllegalAgentTransition.class);
            assertThatThrownBy(() -> ready().pause("BREAK", at(11)).reserve("call-1", "node-a", at(12)))
                    .isInstanceOf(IllegalAgentTransition.class);
            AgentStatus blocked = ready().reserve("call-1", "node-a", at(20)).offerNotTaken(true, 5, 10, at(30));
            assertThatThrownBy(() -> blocked.reserve("call-2", "node-a", at(35))).isInstanceOf(IllegalAgentTransition.class);
        }

        @Test
        void theSecondOfTwoReservationsFromTheSameSnapshotIsRefused() {
            AgentStatus snapshot = ready();
            AgentStatus first = snapshot.reserve("call-1", "node-a", at(20));

            assertThatThrownBy(() -> first.reserve("call-2", "node-a", at(20))).isInstanceOf(IllegalAgentTransition.class);
        }

        @Test
        void onlyACallInProgressCanEnd() {
            assertThatThrownBy(() -> ready().endCall(0, 0, at(20))).isInstanceOf(IllegalAgentTransition.class);
            assertThatThrownBy(() -> ready().offerNotTaken(true, 3, 0, at(20))).isInstanceOf(IllegalAgentTransition.class);
        }
    }

    @Nested
    class SupervisorsForceAndLeasesRelease {

        @Test
        void aReservationNamesTheCallAndTheNodeHoldingIt() {
            AgentStatus reserved = ready().reserve("call-1", "node-b", at(20));

            assertThat(reserved.callId()).contains("call-1");
            assertThat(reserved.node()).contains("node-b");
            assertThat(reserved.ring(at(21)).answer(at(22)).node()).contains("node-b");
            assertThat(reserved.ring(at(21)).answer(at(22)).endCall(10, 0, at(30)).node()).as("wrap-up too").contains("node-b");
            assertThat(reserved.isEngagedWith("call-1")).isTrue();
            assertThat(reserved.isEngagedWith("call-2")).isFalse();
        }

        @Test
        void aSupervisorCanLogOutAnAgentOnACall() {
            AgentStatus out = onCall().force(AgentState.LOGGED_OUT, Optional.empty(), at(40));

            assertThat(out.state()).isEqualTo(AgentState.LOGGED_OUT);
            assertThat(out.callId()).isEmpty();
            assertThat(out.node()).isEmpty();
            assertThat(out.since()).isEqualTo(at(40));
        }

        @Test
        void aSupervisorCanPauseARingingAgentWithAReason() {
            AgentStatus paused = ready().reserve("call-1", "node-a", at(20)).ring(at(21))
                    .force(AgentState.PAUSED, Optional.of("MEETING"), at(22));

            assertThat(paused.state()).isEqualTo(AgentState.PAUSED);
            assertThat(paused.reason()).contains("MEETING");
            assertThat(paused.callId()).isEmpty();
        }

        @Test
        void forcingReadyEndsWrapUpAndForcingTheSameStateChangesNothing() {
            AgentStatus wrapUp = onCall().endCall(60, 0, at(30));

            AgentStatus ready = wrapUp.force(AgentState.READY, Optional.empty(), at(35));

            assertThat(ready.state()).isEqualTo(AgentState.READY);
            assertThat(ready.readySince()).isEqualTo(at(35));
            assertThat(ready.force(AgentState.READY, Optional.empty(), at(50))).isSameAs(ready);
        }

        @Test
        void onlyRequestableStatesCanBeForcedAndAReasonGoesWithPausedOnly() {
            assertThatThrownBy(() -> ready().force(AgentState.ON_CALL, Optional.empty(), at(20)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ready().force(AgentState.PAUSED, Optional.empty(), at(20)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ready().force(AgentState.READY, Optional.of("BREAK"), at(20)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aReleasedOfferIsNotTheAgentsFaultAndKeepsItsIdleTime() {
            AgentStatus missedOnce = ready().reserve("call-1", "node-a", at(20)).offerNotTaken(true, 3, 0, at(35));

            AgentStatus released = missedOnce.reserve("call-2", "node-a", at(40)).ring(at(41)).release(at(60));

            assertThat(released.state()).isEqualTo(AgentState.READY);
            assertThat(released.noAnswers()).isEqualTo(1);
            assertThat(released.readySince()).isEqualTo(at(10));
            assertThat(released.callId()).isEmpty();
            assertThat(released.node()).isEmpty();
        }

        @Test
        void aReleasedCallLetsTheAgentIdleFromNow() {
            assertThat(onCall().release(at(70)).readySince()).isEqualTo(at(70));
            assertThat(onCall().endCall(30, 0, at(40)).release(at(70)).state()).isEqualTo(AgentState.READY);
        }

        @Test
        void onlyAnEngagedAgentCanBeReleased() {
            assertThatThrownBy(() -> ready().release(at(20))).isInstanceOf(IllegalAgentTransition.class);
            assertThatThrownBy(() -> loggedOut().release(at(20))).isInstanceOf(IllegalAgentTransition.class);
        }
    }

    @Test
    void requiresEveryPart() {
        assertThatThrownBy(() -> new AgentStatus(AGENT, null, T0, T0, Optional.empty(), Optional.empty(), Optional.empty(), 0, Instant.EPOCH, WrapUpPeriod.NONE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AgentStatus(AGENT, AgentState.READY, T0, T0, null, Optional.empty(), Optional.empty(), 0, Instant.EPOCH, WrapUpPeriod.NONE))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aStatusIsAValue() {
        assertThat(loggedOut().goReady(at(10))).isEqualTo(loggedOut().goReady(at(10)));
        assertThat(loggedOut().goReady(at(10))).isNotEqualTo(loggedOut().goReady(at(10).plus(Duration.ofMillis(1))));
    }
}
