package io.verbund.acd.agent;

/**
 * Where an agent stands for the ACD. Only {@link #READY} agents are offered calls; the call path
 * moves an agent through RESERVED → RINGING → ON_CALL → WRAP_UP → READY, people move it between
 * LOGGED_OUT, READY and PAUSED.
 */
public enum AgentState {
    LOGGED_OUT,
    READY,
    PAUSED,
    RESERVED,
    RINGING,
    ON_CALL,
    WRAP_UP;

    /** States a person (agent, supervisor, API) may ask for; the others belong to the call path. */
    public boolean isRequestable() {
        return this == LOGGED_OUT || this == READY || this == PAUSED;
    }

    /** The agent is busy with a call (offered, ringing, talking or wrapping up). */
    public boolean isEngaged() {
        return this == RESERVED || this == RINGING || this == ON_CALL || this == WRAP_UP;
    }
}
