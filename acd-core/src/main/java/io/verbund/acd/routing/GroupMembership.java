package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;

/** An agent's place in an ACD group: its penalty there (lower is offered first) and its proficiency in the group's skill. */
public interface GroupMembership {

    AgentKey agent();

    int penalty();

    /** 0 when the group requires no skill. */
    int proficiency();
}
