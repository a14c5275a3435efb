package io.verbund.acd.portal.agent;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /agents/states}: the agents of one tenant the caller may see, by extension, each with
 * its live state.
 */
@JsonbPropertyOrder({"tenant", "agents"})
public record AgentStateList(String tenant, List<AgentStateDocument> agents) {

    public AgentStateList {
        agents = List.copyOf(agents);
    }
}
