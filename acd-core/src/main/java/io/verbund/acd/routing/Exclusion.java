package io.verbund.acd.routing;

/**
 * Why a member of an ACD group was not offered a call, as a call's decision record names it. In the
 * order the distributor checks: the first that applies is the one recorded.
 */
public enum Exclusion {
    /** Logged out. */
    LOGGED_OUT,
    /** Paused (with a reason). */
    PAUSED,
    /** In wrap-up after a call. */
    WRAP_UP,
    /** Reserved for, ringing for or talking on another call, of this group or another. */
    BUSY_ELSEWHERE,
    /** Kept from offers for a moment after an offer it let ring out or refused. */
    REDIAL_DELAY,
    /** No phone registered for the agent. */
    NOT_REGISTERED,
    /** Below a skill level the group or the call always requires, whatever the wait. */
    BELOW_SKILL_MINIMUM,
    /** Meets the minimum, but not the skill step the caller's wait has reached yet. */
    STEP_NOT_REACHED,
    /** Eligible, but the caller's last agent has the first try for a while (last-agent preference). */
    LAST_AGENT_FIRST,
    /** Eligible, but another agent came first in the group's order. */
    RANKED_LOWER
}
