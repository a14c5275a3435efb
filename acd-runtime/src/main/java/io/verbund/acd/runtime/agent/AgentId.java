package io.verbund.acd.runtime.agent;

/** A configured agent, {@code agent.id}; the cluster-wide live key is its {@link io.verbund.acd.agent.AgentKey}. */
public record AgentId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
