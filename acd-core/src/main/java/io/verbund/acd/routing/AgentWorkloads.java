package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.time.Instant;

/**
 * Port: each agent's figures for today, from the call records, for the groups that share calls out
 * by workload. Asked for every free agent on every distribution pass, so it answers from memory.
 */
@FunctionalInterface
public interface AgentWorkloads {

    /** The agent's workload on the day {@code now} falls in; {@link AgentWorkload#NONE} before its first call. */
    AgentWorkload today(AgentKey agent, Instant now);
}
