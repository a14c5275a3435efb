package io.verbund.acd.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.CallEvent.CallEnded;
import io.verbund.acd.call.CallEvent.CallbackAttemptFailed;
import io.verbund.acd.call.CallEvent.CallbackRequested;
import io.verbund.acd.call.CallEvent.CallbackTaken;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A caller's callback through the {@link Call}'s transitions, and a group's {@link CallbackRetries}. */
class CallbackTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final AgentKey A1001 = new AgentKey(DEMO, "1001");
    private static final AgentKey A1002 = new AgentKey(DEMO, "1002");
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private static final String NUMBER = "+49301234567";
    private static final String CALLER_ID = "+4930500100";

    private static Call requested() {
        Call call = new Call(new CallId("cb-1"), T0);
        call.routedTo(DEMO);
        call.queued(7, 40, T0);
        call.leftQueue();
        call.callbackRequested(7, 40, NUMBER, T0.plusSeconds(60));
        return call;
    }

    @Test
    void aRequestedCallbackWaitsInTheQueueWithItsNumberAndIsNoAbandon() {
        Call call = requested();

        assertThat(call.phase()).isEqualTo(CallPhase.QUEUED);
        assertThat(call.isCallback()).isTrue();
        assertThat(call.callbackNumber()).contains(NUMBER);
        assertThat(call.callbackAttempts()).isZero();
        assertThat(call.takeEvents()).last().isEqualTo(new CallbackRequested(DEMO, call.id(), 2, T0.plusSeconds(60), 7, 40, NUMBER));
    }

    @Test
    void theAgentWhoTakesItDialsTheNumberAndTalksOnceItAnswers() {
        Call call = requested();
        call.offeredTo(A1001, "longest idle", T0, T0.plusSeconds(90));
        call.offeredTo(A1002, "ring all", T0, T0.plusSeconds(90));

        assertThat(call.callbackTakenBy(A1001, CALLER_ID, T0.plusSeconds(95))).containsExactly(A1002);
        assertThat(call.phase()).isEqualTo(CallPhase.DIALLING);
        assertThat(call.agent()).contains(A1001);
        assertThat(call.hasAgentPickedUp()).isTrue();
        call.numberDialled(T0.plusSeconds(95));
        call.numberAnswered(T0.plusSeconds(100));

        assertThat(call.phase()).isEqualTo(CallPhase.CONNECTED);
        assertThat(call.takeEvents()).extracting(event -> event.getClass().getSimpleName()).containsSubsequence(
                "CallbackRequested", "CallOffered", "OfferWithdrawn", "CallbackTaken", "NumberDialled", "NumberAnswered");
    }

    @Test
    void aFailedAttemptPutsItBackInTheQueueAndGivingUpEndsItCallbackFailed() {
        Call call = requested();
        call.offeredTo(A1001, "longest idle", T0, T0.plusSeconds(90));
        call.callbackTakenBy(A1001, CALLER_ID, T0.plusSeconds(95));
        call.numberDialled(T0.plusSeconds(95));

        call.callbackAttemptFailed(OutboundOutcome.BUSY, 486, "the number refused with 486", T0.plusSeconds(96));

        assertThat(call.phase()).isEqualTo(CallPhase.QUEUED);
        assertThat(call.agent()).isEmpty();
        assertThat(call.callbackAttempts()).isEqualTo(1);
        call.callbackGivenUp("1 attempts failed", T0.plusSeconds(97));
        assertThat(call.isEnded()).isTrue();
        assertThat(call.takeEvents()).filteredOn(event -> event instanceof CallbackTaken || event instanceof CallbackAttemptFailed
                || event instanceof CallEnded).extracting(event -> event.getClass().getSimpleName() + (event instanceof CallEnded ended
                ? ":" + ended.outcome() : "")).containsExactly("CallbackTaken", "CallbackAttemptFailed", "CallEnded:CALLBACK_FAILED");
    }

    @Test
    void onlyACallbackIsTakenOrGivenUpAndOnlyOnceRequested() {
        Call plain = new Call(new CallId("c-2"), T0);
        plain.routedTo(DEMO);
        plain.queued(7, 0, T0);
        plain.offeredTo(A1001, "longest idle", T0, T0);

        assertThatThrownBy(() -> plain.callbackTakenBy(A1001, CALLER_ID, T0)).isInstanceOf(IllegalCallTransition.class);
        assertThatThrownBy(() -> requested().callbackRequested(7, 0, NUMBER, T0)).isInstanceOf(IllegalCallTransition.class);
        Call queuedPlain = new Call(new CallId("c-3"), T0);
        queuedPlain.routedTo(DEMO);
        queuedPlain.queued(7, 0, T0);
        assertThatThrownBy(() -> queuedPlain.callbackGivenUp("why", T0)).isInstanceOf(IllegalCallTransition.class);
    }

    @Test
    void aGroupRetriesAfterItsDelayUntilItsAttemptsAreUsed() {
        CallbackRetries retries = new CallbackRetries(3, Duration.ofMinutes(2), Duration.ofHours(4));

        assertThat(retries.nextAttempt(1, T0, T0.plusSeconds(30))).contains(T0.plusSeconds(150));
        assertThat(retries.nextAttempt(2, T0, T0.plusSeconds(300))).contains(T0.plusSeconds(420));
        assertThat(retries.nextAttempt(3, T0, T0.plusSeconds(600))).isEmpty();
        assertThat(retries.whyGivenUp(3)).isEqualTo("3 attempts failed");
    }

    @Test
    void aGroupGivesUpOnACallbackThatWouldBeTooOldAtItsNextAttempt() {
        CallbackRetries retries = new CallbackRetries(5, Duration.ofMinutes(10), Duration.ofMinutes(30));

        assertThat(retries.nextAttempt(1, T0, T0.plus(Duration.ofMinutes(20)))).as("exactly at its age still").isPresent();
        assertThat(retries.nextAttempt(1, T0, T0.plus(Duration.ofMinutes(21)))).isEmpty();
        assertThat(retries.whyGivenUp(1)).isEqualTo("older than 30 min");
    }

    @Test
    void refusesRulesThatCouldNeverCallBack() {
        assertThatThrownBy(() -> new CallbackRetries(0, Duration.ZERO, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallbackRetries(1, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
