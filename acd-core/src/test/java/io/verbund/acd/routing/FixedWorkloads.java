package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Today's figures as a test sets them; an agent never set has taken no call yet. */
final class FixedWorkloads implements AgentWorkloads {

    private final Map<AgentKey, AgentWorkload> figures = new HashMap<>();

    FixedWorkloads set(AgentKey agent, int calls, Duration talkTime) {
        figures.put(agent, new AgentWorkload(calls, talkTime));
        return this;
    }

    @Override
    public AgentWorkload today(AgentKey agent, Instant now) {
        return figures.getOrDefault(agent, AgentWorkload.NONE);
    }
}
