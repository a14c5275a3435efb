package io.verbund.acd.telephony.directory;

import io.verbund.acd.agent.WrapUp;
import io.verbund.acd.call.CallbackRetries;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.routing.RedialDelays;
import io.verbund.acd.routing.RoutingGroup;
import io.verbund.acd.skill.SkillRequirements;
import io.verbund.acd.tenant.TenantKey;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;

/**
 * An ACD group as the call path needs it: strategy, timers and members. Members are kept by
 * extension: the call path looks one up for every offer, in groups of hundreds of agents.
 *
 * @param wrapUpExtensionSeconds how much longer in total an agent may extend its wrap-up of one call
 * @param forcedDisposition wrap-up does not end before the agent gave the call a disposition
 * @param recording answered calls are recorded in two channels
 * @param recordingNotice the caller hears that the call may be recorded before it is connected
 * @param weight how much its callers' wait counts against other groups' callers ({@link RoutingGroup#weight})
 * @param callbackRetries how often and how long a callback whose number does not answer is tried again
 */
public record GroupSettings(long id, TenantKey tenant, long tenantId, String name, String strategy,
                            int ringTimeSeconds, int wrapUpSeconds, int wrapUpExtensionSeconds, int maxConsecutiveNoAnswer,
                            RedialDelays redialDelays, boolean forcedDisposition, boolean recording, boolean recordingNotice,
                            SkillRequirements requirements, Optional<LastAgentPreference> lastAgent, double weight,
                            CallbackRetries callbackRetries, Map<String, GroupMember> membersByExtension) implements RoutingGroup {

    /** Callers who talked to an agent of the group within {@code within} wait up to {@code firstTry} for it. */
    public record LastAgentPreference(Duration within, Duration firstTry) {
    }

    public GroupSettings {
        membersByExtension = Collections.unmodifiableMap(new LinkedHashMap<>(membersByExtension));
    }

    public GroupSettings(long id, TenantKey tenant, long tenantId, String name, String strategy, int ringTimeSeconds,
                         int wrapUpSeconds, int wrapUpExtensionSeconds, int maxConsecutiveNoAnswer, RedialDelays redialDelays,
                         boolean forcedDisposition, boolean recording, boolean recordingNotice, SkillRequirements requirements,
                         Optional<LastAgentPreference> lastAgent, double weight, CallbackRetries callbackRetries,
                         List<GroupMember> members) {
        this(id, tenant, tenantId, name, strategy, ringTimeSeconds, wrapUpSeconds, wrapUpExtensionSeconds, maxConsecutiveNoAnswer,
                redialDelays, forcedDisposition, recording, recordingNotice, requirements, lastAgent, weight, callbackRetries,
                index(members));
    }

    @Override
    public Collection<GroupMember> members() {
        return membersByExtension.values();
    }

    /** How this group rings its agents' phones, and what an offer not taken does to an agent. */
    public OfferTerms offerTerms() {
        return OfferTerms.of(ringTimeSeconds, redialDelays, maxConsecutiveNoAnswer);
    }

    /** The wrap-up this group's agents have after a call. */
    public WrapUp wrapUp() {
        return WrapUp.of(wrapUpSeconds, forcedDisposition, wrapUpExtensionSeconds);
    }

    /** The member with this extension; the call path only asks for agents it took from this group. */
    public GroupMember member(String extension) {
        GroupMember member = membersByExtension.get(extension);
        if (member == null) {
            throw new IllegalArgumentException("agent " + extension + " is not in group " + name);
        }
        return member;
    }

    private static Map<String, GroupMember> index(List<GroupMember> members) {
        Map<String, GroupMember> byExtension = new LinkedHashMap<>();
        members.forEach(member -> byExtension.put(member.extension(), member));
        return byExtension;
    }
}
