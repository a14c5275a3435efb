package io.verbund.acd.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.CallEvent.AgentPickedUp;
import io.verbund.acd.call.CallEvent.CallEnded;
import io.verbund.acd.call.CallEvent.NumberAnswered;
import io.verbund.acd.call.CallEvent.NumberDialled;
import io.verbund.acd.call.CallEvent.OutboundCallFailed;
import io.verbund.acd.call.CallEvent.OutboundCallPlaced;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An agent's outbound call through the {@link Call}'s own transitions: placed, picked up, dialled, answered or failed. */
class OutboundCallTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final AgentKey A1001 = new AgentKey(DEMO, "1001");
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private static final String NUMBER = "+4940123456";
    private static final String CALLER_ID = "+4930500100";

    private static Call placed() {
        Call call = new Call(new CallId("out-1"), T0);
        call.placedFor(DEMO, A1001, NUMBER, CALLER_ID, "agent:1001", T0);
        return call;
    }

    @Test
    void ringsTheAgentFirstThenDialsAndConnectsWhenTheNumberAnswers() {
        Call call = placed();
        assertThat(call.phase()).isEqualTo(CallPhase.DIALLING);
        assertThat(call.agent()).contains(A1001);
        assertThat(call.involves(A1001)).as("the agent's lease holds from the start").isTrue();
        assertThat(call.isOutbound()).isTrue();
        assertThat(call.dialledNumber()).contains(NUMBER);

        call.agentPickedUp(T0.plusSeconds(2));
        call.numberDialled(T0.plusSeconds(2));
        call.numberAnswered(T0.plusSeconds(9));

        assertThat(call.phase()).isEqualTo(CallPhase.CONNECTED);
        assertThat(call.takeEvents()).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("OutboundCallPlaced", "AgentPickedUp", "NumberDialled", "NumberAnswered");
    }

    @Test
    void recordsWhoPlacedItAndTheCallerIdPresented() {
        Call call = placed();
        call.agentPickedUp(T0);
        call.numberDialled(T0);

        List<CallEvent> events = call.takeEvents();
        assertThat(events.get(0)).isEqualTo(new OutboundCallPlaced(DEMO, call.id(), 1, T0, A1001, NUMBER, CALLER_ID, "agent:1001"));
        assertThat(events.get(1)).isEqualTo(new AgentPickedUp(DEMO, call.id(), 2, T0, A1001));
        assertThat(events.get(2)).isEqualTo(new NumberDialled(DEMO, call.id(), 3, T0, NUMBER, CALLER_ID));
    }

    @Test
    void aBusyNumberEndsTheCallBusyWithTheStatus() {
        Call call = placed();
        call.agentPickedUp(T0);
        call.numberDialled(T0);
        call.takeEvents();

        call.outboundFailed(OutboundOutcome.ofNumberStatus(486), 486, "busy", "far end", T0.plusSeconds(3));

        assertThat(call.isEnded()).isTrue();
        assertThat(call.takeEvents()).containsExactly(
                new OutboundCallFailed(DEMO, call.id(), 4, T0.plusSeconds(3), OutboundOutcome.BUSY, 486, "busy"),
                new CallEnded(DEMO, call.id(), 5, T0.plusSeconds(3), "BUSY", "far end"));
    }

    @Test
    void anAgentWhoNeverPickedUpEndsTheCallWithoutTheNumberBeingDialled() {
        Call call = placed();
        call.takeEvents();

        call.outboundFailed(OutboundOutcome.AGENT_NOT_REACHED, 0, "the agent's phone rang out", "node", T0);

        assertThat(call.takeEvents()).extracting(event -> event.getClass().getSimpleName()).containsExactly("OutboundCallFailed", "CallEnded");
        assertThat(call.involves(A1001)).as("the agent is free of it").isFalse();
    }

    @Test
    void theNumberIsNeitherDialledBeforeTheAgentPickedUpNorAnsweredBeforeItWasDialled() {
        Call call = placed();
        assertThatThrownBy(() -> call.numberDialled(T0)).isInstanceOf(IllegalCallTransition.class).hasMessageContaining("before the agent picked up");
        assertThatThrownBy(() -> call.numberAnswered(T0)).isInstanceOf(IllegalCallTransition.class);
        call.agentPickedUp(T0);
        assertThatThrownBy(() -> call.agentPickedUp(T0)).isInstanceOf(IllegalCallTransition.class).hasMessageContaining("twice");
        assertThat(call.phase()).isEqualTo(CallPhase.DIALLING);
    }

    @Test
    void aCallAlreadyRoutedCannotBePlaced() {
        Call call = new Call(new CallId("in-1"), T0);
        call.routedTo(DEMO);

        assertThatThrownBy(() -> call.placedFor(DEMO, A1001, NUMBER, CALLER_ID, "agent:1001", T0)).isInstanceOf(IllegalCallTransition.class);
        assertThat(call.isOutbound()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"486, BUSY", "600, BUSY", "603, BUSY", "408, NO_ANSWER", "480, NO_ANSWER", "0, NO_ANSWER", "404, FAILED", "503, FAILED",
            "403, FAILED"})
    void namesTheOutcomeOfTheNumbersRefusal(int status, OutboundOutcome outcome) {
        assertThat(OutboundOutcome.ofNumberStatus(status)).isEqualTo(outcome);
    }
}
