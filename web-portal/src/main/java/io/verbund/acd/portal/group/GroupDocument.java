package io.verbund.acd.portal.group;

import io.verbund.acd.portal.api.TenantItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An ACD group as the API answers it; {@code version} is what a change must name. */
public record GroupDocument(long id, String name, String strategy, int ringTimeSeconds, int wrapUpSeconds,
                            int wrapUpExtensionSeconds,
                            int maxConsecutiveNoAnswer, int redialDelaySeconds, int redialDelayBusySeconds,
                            int redialDelayRejectedSeconds, int redialDelayUnregisteredSeconds, int serviceLevelSeconds,
                            int serviceLevelTargetPercent, int shortAbandonSeconds, boolean forcedDisposition,
                            boolean recording, boolean recordingNotice, String crmUrlTemplate, List<Member> members, List<SkillNeeded> skillRequirements,
                            List<SkillStep> skillSteps, boolean anyMemberAfterSteps, Integer lastAgentDays,
                            int lastAgentSeconds, BigDecimal weight, int callbackMaxAttempts,
                            int callbackRetrySeconds, int callbackMaxAgeMinutes, int version, Instant updatedAt) implements TenantItem {

    public record Member(String extension, int penalty) {
    }

    public record SkillNeeded(String skill, int minProficiency) {
    }

    /** @param durationSeconds null: the step lasts for good */
    public record SkillStep(List<SkillNeeded> conditions, Long durationSeconds) {
    }
}
