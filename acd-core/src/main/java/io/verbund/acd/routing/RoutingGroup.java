package io.verbund.acd.routing;

import io.verbund.acd.skill.SkillRequirements;
import java.util.Collection;

/**
 * An ACD group as routing needs it: its id (the queue's key), its strategy's name and its members.
 * An interface so a node's cached group settings serve every distribution pass as they are.
 */
public interface RoutingGroup {

    long id();

    /** LONGEST_IDLE, ROUND_ROBIN, RING_ALL, FEWEST_CALLS, LEAST_TALK_TIME, RANDOM, LINEAR or SKILLS_BASED ({@link RoutingStrategy#named}). */
    String strategy();

    Collection<? extends GroupMembership> members();

    /** The skills a member needs for the group's calls: a minimum always, steps by the caller's wait. */
    default SkillRequirements requirements() {
        return SkillRequirements.NONE;
    }

    /**
     * How much a caller's wait in this group counts against callers of the other groups its agents
     * serve (0 to 10; 1 as it is): see {@link QueueOrder#acrossGroups}.
     */
    default double weight() {
        return 1;
    }
}
