package io.verbund.acd.telephony.directory;

/** An agent in an ACD group, with its penalty there and its proficiency in the group's skill. */
public record GroupMember(long agentId, String extension, String sipUsername, int penalty, int proficiency) {
}
