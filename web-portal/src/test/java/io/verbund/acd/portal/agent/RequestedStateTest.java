package io.verbund.acd.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.IllegalAgentTransition;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestedStateTest {

    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void readsTheThreeRequestableStates() {
        assertThat(RequestedState.from(new AgentStateRequest("READY", null, null)).state()).isEqualTo(AgentState.READY);
        assertThat(RequestedState.from(new AgentStateRequest("LOGGED_OUT", null, null)).state()).isEqualTo(AgentState.LOGGED_OUT);
        RequestedState paused = RequestedState.from(new AgentStateRequest("PAUSED", "BREAK", null));
        assertThat(paused.state()).isEqualTo(AgentState.PAUSED);
        assertThat(paused.reason()).contains("BREAK");
    }

    @Test
    void namesWhatIsWrongWithTheRequest() {
        assertThatThrownBy(() -> RequestedState.from(null)).isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("JSON body");
        assertThatThrownBy(() -> RequestedState.from(new AgentStateRequest(null, null, null))).isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("'state' is required");
        assertThatThrownBy(() -> RequestedState.from(new AgentStateRequest("SLEEPING", null, null)))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("'SLEEPING' is not an agent state")
                .hasMessageContaining("LOGGED_OUT, READY, PAUSED");
        assertThatThrownBy(() -> RequestedState.from(new AgentStateRequest("ON_CALL", null, null)))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("ON_CALL is set by the call path");
        assertThatThrownBy(() -> RequestedState.from(new AgentStateRequest("PAUSED", null, null)))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("PAUSED needs a 'reason'");
        assertThatThrownBy(() -> RequestedState.from(new AgentStateRequest("READY", "BREAK", null)))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("only with PAUSED");
    }

    @Test
    void stateNamesAreExact() {
        assertThatThrownBy(() -> RequestedState.from(new AgentStateRequest("ready", null, null))).isInstanceOf(MalformedRequest.class);
    }

    @Test
    void askingForTheCurrentStateChangesNothing() {
        AgentStatus loggedOut = AgentStatus.loggedOut(AGENT, T0);
        AgentStatus onBreak = loggedOut.pause("BREAK", T0);

        assertThat(RequestedState.from(new AgentStateRequest("LOGGED_OUT", null, null)).applyTo(loggedOut, T0.plusSeconds(5)))
                .isSameAs(loggedOut);
        assertThat(RequestedState.from(new AgentStateRequest("PAUSED", "BREAK", null)).applyTo(onBreak, T0.plusSeconds(5)))
                .isSameAs(onBreak);
    }

    @Test
    void anotherReasonIsAChange() {
        AgentStatus onBreak = AgentStatus.loggedOut(AGENT, T0).pause("BREAK", T0);

        AgentStatus atLunch = RequestedState.from(new AgentStateRequest("PAUSED", "LUNCH", null)).applyTo(onBreak, T0.plusSeconds(5));

        assertThat(atLunch.reason()).contains("LUNCH");
        assertThat(atLunch.since()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void anAgentOnACallCannotBeMadeReady() {
        AgentStatus onCall = AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve("c1", "node-a", T0).answer(T0);

        assertThatThrownBy(() -> RequestedState.from(new AgentStateRequest("READY", null, null)).applyTo(onCall, T0))
                .isInstanceOf(IllegalAgentTransition.class);
    }

    @Test
    void aForcedLogoutTakesAnAgentOffItsCall() {
        AgentStatus onCall = AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve("c1", "node-a", T0).answer(T0);

        RequestedState forced = RequestedState.from(new AgentStateRequest("LOGGED_OUT", null, true));
        AgentStatus out = forced.applyTo(onCall, T0.plusSeconds(9));

        assertThat(forced.forced()).isTrue();
        assertThat(out.state()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(out.isEngagedWith("c1")).isFalse();
    }

    @Test
    void forceIsOffUnlessAskedFor() {
        assertThat(RequestedState.from(new AgentStateRequest("READY", null, null)).forced()).isFalse();
        assertThat(RequestedState.from(new AgentStateRequest("READY", null, false)).forced()).isFalse();
    }
}
