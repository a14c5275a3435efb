package io.verbund.acd.telephony.directory;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.routing.GroupMembership;

/** An agent in an ACD group, with its penalty there and its proficiency in the group's skill. */
public record GroupMember(long agentId, AgentKey agent, String sipUsername, int penalty, int proficiency)
        implements GroupMembership {

    public String extension() {
        return agent.extension();
    }
}
