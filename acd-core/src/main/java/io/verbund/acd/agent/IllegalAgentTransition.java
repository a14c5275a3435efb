package io.verbund.acd.agent;

/** A state change the agent's current state does not allow, e.g. READY while ON_CALL. */
public class IllegalAgentTransition extends RuntimeException {

    private final AgentState from;
    private final AgentState to;

    public IllegalAgentTransition(AgentKey agent, AgentState from, AgentState to) {
        super("agent " + agent + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public AgentState from() {
        return from;
    }

    public AgentState to() {
        return to;
    }
}
