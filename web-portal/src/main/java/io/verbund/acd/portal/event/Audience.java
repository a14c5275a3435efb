package io.verbund.acd.portal.event;

/**
 * Who an event is for, within its tenant.
 *
 * @param groupId   the ACD group it concerns, or 0
 * @param extension the agent it concerns, or null
 * @param staffOnly only admins and supervisors, never agents
 */
public record Audience(long groupId, String extension, boolean staffOnly) {

    /** Admins and supervisors of the tenant: configuration, alarms, help requests. */
    public static final Audience STAFF = new Audience(0, null, true);

    /** The agent itself and the staff who see it. */
    public static Audience agent(String extension) {
        return new Audience(0, extension, false);
    }

    /** Only the staff who see this agent (not the agent itself): help requests. */
    public static Audience staffOf(String extension) {
        return new Audience(0, extension, true);
    }

    /** The staff who see the group and the agents in it. */
    public static Audience group(long groupId) {
        return new Audience(groupId, null, false);
    }
}
