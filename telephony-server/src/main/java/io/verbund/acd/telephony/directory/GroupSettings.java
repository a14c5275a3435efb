package io.verbund.acd.telephony.directory;

import io.verbund.acd.tenant.TenantKey;
import java.util.List;

/** An ACD group as the call path needs it: strategy, timers and members. */
public record GroupSettings(long id, TenantKey tenant, long tenantId, String name, String strategy,
                            int ringTimeSeconds, int wrapUpSeconds, int maxConsecutiveNoAnswer,
                            int redialDelaySeconds, List<GroupMember> members) {

    public GroupSettings {
        members = List.copyOf(members);
    }

    /** The member with this extension; the call path only asks for agents it took from this list. */
    public GroupMember member(String extension) {
        return members.stream().filter(member -> member.extension().equals(extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("agent " + extension + " is not in group " + name));
    }
}
