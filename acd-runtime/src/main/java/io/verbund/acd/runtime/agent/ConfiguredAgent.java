package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
import java.util.Objects;

/** An enabled agent of a tenant as the configuration holds it (not its live state). */
public record ConfiguredAgent(AgentId id, AgentKey key, String displayName) {

    public ConfiguredAgent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(displayName, "displayName");
    }
}
