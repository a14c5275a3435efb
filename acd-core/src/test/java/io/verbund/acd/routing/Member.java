package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;

/** A group member for routing tests. */
record Member(AgentKey agent, int penalty, int proficiency, int position) implements GroupMembership {
}
