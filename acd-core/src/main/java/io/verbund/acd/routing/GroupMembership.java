package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;

/**
 * An agent's place in an ACD group: its penalty there (lower is offered first), its proficiency in
 * the group's skill and its position in the group's list of members.
 */
public interface GroupMembership {

    AgentKey agent();

    int penalty();

    /** 0 when the group requires no skill. */
    int proficiency();

    /** The member's place in the group's list, lower first: the order of linear and round-robin groups. */
    int position();
}
