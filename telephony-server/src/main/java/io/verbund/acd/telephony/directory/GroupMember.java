package io.verbund.acd.telephony.directory;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.routing.GroupMembership;

/**
 * An agent in an ACD group, with its penalty there, its proficiency in the group's skill and its
 * position in the group's list.
 */
public record GroupMember(long agentId, AgentKey agent, String sipUsername, int penalty, int proficiency, int position)
        implements GroupMembership {

    public String extension() {
        return agent.extension();
    }
}
