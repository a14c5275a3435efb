package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.skill.AgentSkills;

/**
 * An agent's place in an ACD group: its penalty there (lower is offered first), its proficiency in
 * the group's skill and its position in the group's list of members.
 */
public interface GroupMembership {

    AgentKey agent();

    int penalty();

    /** The agent's best proficiency in the group's skills; 0 when the group requires none. Skills-based ties break on it. */
    int proficiency();

    /** The agent's skills, which the group's (and the call's) skill requirements check. */
    default AgentSkills skills() {
        return AgentSkills.NONE;
    }

    /** The member's place in the group's list, lower first: the order of linear and round-robin groups. */
    int position();
}
