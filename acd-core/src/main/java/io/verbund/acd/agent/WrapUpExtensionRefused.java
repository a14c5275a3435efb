package io.verbund.acd.agent;

import java.time.Duration;

/** An agent's wrap-up cannot be extended: it is in none, its group allows no extension, or not this much more. */
public class WrapUpExtensionRefused extends RuntimeException {

    /** Why the extension was refused. */
    public enum Why {
        NOT_IN_WRAP_UP,
        NOT_ALLOWED,
        ALLOWANCE_USED_UP
    }

    private final Why why;
    private final AgentState state;
    private final Duration left;

    WrapUpExtensionRefused(AgentKey agent, Why why, AgentState state, Duration asked, Duration left) {
        super(switch (why) {
            case NOT_IN_WRAP_UP -> "agent " + agent + " is " + state + ", not in wrap-up: there is no wrap-up to extend";
            case NOT_ALLOWED -> "the group of agent " + agent + "'s last call allows no wrap-up extension";
            case ALLOWANCE_USED_UP -> "agent " + agent + " may extend its wrap-up by " + left.toSeconds() + " s more, not "
                    + asked.toSeconds() + " s";
        });
        this.why = why;
        this.state = state;
        this.left = left;
    }

    public Why why() {
        return why;
    }

    /** The state the agent was in. */
    public AgentState state() {
        return state;
    }

    /** How much extension the agent had left. */
    public Duration left() {
        return left;
    }
}
