package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.tenant.TenantKey;

/** A group member for routing tests. */
record Member(AgentKey agent, int penalty, int proficiency) implements GroupMembership {

    static Member of(String extension) {
        return new Member(new AgentKey(new TenantKey("demo"), extension), 0, 0);
    }
}
