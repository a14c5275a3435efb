package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfferTermsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final OfferTerms SUPPORT = OfferTerms.of(15, 5, 2);

    private static AgentStatus ringing() {
        return AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve("call-1", "node-a", T0.plusSeconds(1)).ring(T0.plusSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 480})
    void aNoAnswerCountsAndKeepsTheAgentFromTheNextOfferForTheRedialDelay(int status) {
        AgentStatus after = SUPPORT.notTaken(ringing(), status, T0.plusSeconds(16));

        assertThat(after.state()).isEqualTo(AgentState.READY);
        assertThat(after.noAnswers()).isEqualTo(1);
        assertThat(after.isAvailable(T0.plusSeconds(20))).as("within the redial delay").isFalse();
        assertThat(after.isAvailable(T0.plusSeconds(21))).isTrue();
    }

    @Test
    void theSecondNoAnswerInARowPausesTheAgent() {
        AgentStatus once = SUPPORT.notTaken(ringing(), 408, T0.plusSeconds(16));
        AgentStatus again = once.reserve("call-2", "node-a", T0.plusSeconds(30)).ring(T0.plusSeconds(30));

        AgentStatus after = SUPPORT.notTaken(again, 408, T0.plusSeconds(45));

        assertThat(after.state()).isEqualTo(AgentState.PAUSED);
        assertThat(after.reason()).contains("NO_ANSWER");
    }

    @Test
    void aRefusalDelaysButDoesNotCount() {
        AgentStatus after = SUPPORT.notTaken(ringing(), 486, T0.plusSeconds(3));

        assertThat(after.noAnswers()).isZero();
        assertThat(after.isAvailable(T0.plusSeconds(7))).isFalse();
        assertThat(after.isAvailable(T0.plusSeconds(8))).isTrue();
    }

    @Test
    void anInviteNotSentDelaysWithoutCountingAndAWithdrawnOfferFreesAtOnce() {
        AgentStatus notSent = SUPPORT.notSent(ringing(), T0.plusSeconds(2));
        AgentStatus withdrawn = OfferTerms.withdrawn(ringing(), T0.plusSeconds(2));

        assertThat(notSent.noAnswers()).isZero();
        assertThat(notSent.isAvailable(T0.plusSeconds(3))).isFalse();
        assertThat(withdrawn.isAvailable(T0.plusSeconds(2))).isTrue();
        assertThat(withdrawn.noAnswers()).isZero();
    }

    @Test
    void eachReasonHasItsOwnRedialDelay() {
        OfferTerms terms = OfferTerms.of(15, new RedialDelays(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(30)), 0);
        Instant at = T0.plusSeconds(16);

        assertThat(terms.notTaken(ringing(), 408, at).blockedUntil()).isEqualTo(at.plusSeconds(10));
        assertThat(terms.notTaken(ringing(), 480, at).blockedUntil()).isEqualTo(at.plusSeconds(10));
        assertThat(terms.notTaken(ringing(), 486, at).blockedUntil()).as("busy").isEqualTo(at.plusSeconds(3));
        assertThat(terms.notTaken(ringing(), 600, at).blockedUntil()).as("busy everywhere").isEqualTo(at.plusSeconds(3));
        assertThat(terms.notTaken(ringing(), 603, at).blockedUntil()).as("declined").isEqualTo(at.plusSeconds(60));
        assertThat(terms.notSent(ringing(), at).blockedUntil()).as("not registered").isEqualTo(at.plusSeconds(30));
    }

    @Test
    void noLimitMeansNeverPausedForNoAnswers() {
        OfferTerms patient = OfferTerms.of(15, 0, 0);
        AgentStatus status = ringing();
        for (int i = 0; i < 5; i++) {
            status = patient.notTaken(status, 408, T0.plusSeconds(20 + i)).reserve("call", "node-a", T0.plusSeconds(20 + i));
        }

        assertThat(status.state()).isEqualTo(AgentState.RESERVED);
        assertThat(status.noAnswers()).isEqualTo(5);
    }

    @Test
    void aPhoneMustRingAWhileAndNothingIsNegative() {
        assertThatThrownBy(() -> OfferTerms.of(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedialDelays.all(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfferTerms(Duration.ofSeconds(5), RedialDelays.NONE, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(OfferTerms.of(20, -3, -1)).isEqualTo(new OfferTerms(Duration.ofSeconds(20), RedialDelays.NONE, 0));
        assertThat(OfferTerms.TRANSFER.ringTime()).isEqualTo(Duration.ofSeconds(15));
    }
}
