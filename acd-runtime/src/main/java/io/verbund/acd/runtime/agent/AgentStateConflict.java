package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.IllegalAgentTransition;
import io.verbund.acd.runtime.problem.Conflict;

/** The agent's current state does not allow the requested one now (e.g. READY while ON_CALL). */
public class AgentStateConflict extends Conflict {

    private AgentStateConflict(AgentKey agent, String detail, Throwable cause) {
        super("agent-state-conflict", "Agent state conflict", detail, agent.tenant(), cause);
    }

    public static AgentStateConflict of(AgentKey agent, IllegalAgentTransition refused) {
        String hint = refused.from().isEngaged() && refused.from() != io.verbund.acd.agent.AgentState.WRAP_UP
                ? "; its supervisors and admins may force it with \"force\": true" : "";
        return new AgentStateConflict(agent, "Agent " + agent.extension() + " is " + refused.from()
                + " and cannot go " + refused.to() + " now" + hint, null);
    }

    static AgentStateConflict contended(AgentKey agent, int attempts) {
        return new AgentStateConflict(agent, "The state of agent " + agent.extension() + " changed " + attempts
                + " times while this change was made; try again", null);
    }
}
