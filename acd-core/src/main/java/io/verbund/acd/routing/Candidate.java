package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentStatus;

/**
 * An agent who could take a call of a group: its live status, its penalty in the group (lower is
 * offered first) and its proficiency in the skill the group requires (0 when the group needs none).
 */
public record Candidate(AgentStatus status, int penalty, int proficiency) {
}
