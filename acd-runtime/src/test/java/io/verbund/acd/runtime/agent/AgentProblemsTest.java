package io.verbund.acd.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.IllegalAgentTransition;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.runtime.problem.Unprocessable;
import io.verbund.acd.tenant.TenantKey;
import org.junit.jupiter.api.Test;

class AgentProblemsTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final AgentKey AGENT = new AgentKey(DEMO, "1001");

    @Test
    void anIllegalTransitionIsAConflictNamingBothStates() {
        AgentStateConflict conflict = AgentStateConflict.of(AGENT,
                new IllegalAgentTransition(AGENT, AgentState.ON_CALL, AgentState.READY));

        assertThat(conflict).isInstanceOf(Conflict.class);
        assertThat(conflict.type()).isEqualTo("urn:verbund-acd:problem:agent-state-conflict");
        assertThat(conflict.detail()).isEqualTo("Agent 1001 is ON_CALL and cannot go READY now;"
                + " its supervisors and admins may force it with \"force\": true");
        assertThat(conflict.tenant()).contains(DEMO);
    }

    @Test
    void onlyACallPathStateIsSaidToBeForcible() {
        AgentStateConflict conflict = AgentStateConflict.of(AGENT,
                new IllegalAgentTransition(AGENT, AgentState.WRAP_UP, AgentState.LOGGED_OUT));

        assertThat(conflict.detail()).isEqualTo("Agent 1001 is WRAP_UP and cannot go LOGGED_OUT now");
    }

    @Test
    void anUnknownAgentIsNotFoundAndEchoesTheExtensionSafely() {
        UnknownAgent unknown = new UnknownAgent(DEMO, "10\n01" + "9".repeat(40));

        assertThat(unknown).isInstanceOf(NotFound.class);
        assertThat(unknown.detail()).startsWith("There is no agent with extension '10?01").endsWith("…' in tenant demo")
                .doesNotContain("\n");
    }

    @Test
    void anUnknownPauseReasonIsUnprocessableAndNamesTheReason() {
        UnknownPauseReason unknown = new UnknownPauseReason(DEMO, "NAP");

        assertThat(unknown).isInstanceOf(Unprocessable.class);
        assertThat(unknown.detail()).isEqualTo("'NAP' is not a pause reason agents of tenant demo can choose");
    }

    @Test
    void clientProblemsCarryNoStackTrace() {
        assertThat(new UnknownPauseReason(DEMO, "NAP").getStackTrace()).isEmpty();
    }
}
