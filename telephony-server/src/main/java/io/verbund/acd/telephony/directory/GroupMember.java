package io.verbund.acd.telephony.directory;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.routing.GroupMembership;
import io.verbund.acd.skill.AgentSkills;

/**
 * An agent in an ACD group, with its penalty there, its best proficiency in the group's skills, its
 * position in the group's list and all its skills (which the group's requirements check).
 */
public record GroupMember(long agentId, AgentKey agent, String sipUsername, int penalty, int proficiency, int position,
                          AgentSkills skills) implements GroupMembership {

    public String extension() {
        return agent.extension();
    }
}
