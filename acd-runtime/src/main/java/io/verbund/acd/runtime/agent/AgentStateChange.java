package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentStatus;
import java.util.Objects;

/** What one accepted transition did: the status found and the status stored (equal when nothing changed). */
public record AgentStateChange(AgentStatus previous, AgentStatus current) {

    public AgentStateChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    public boolean changed() {
        return !previous.equals(current);
    }
}
