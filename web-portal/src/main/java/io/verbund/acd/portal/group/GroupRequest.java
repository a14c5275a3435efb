package io.verbund.acd.portal.group;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * An ACD group as a client sends it, to create one or replace one whole. Numbers left out take
 * their defaults (a recorded group tells the caller so unless {@code recordingNotice} is false);
 * members, skill requirements and skill steps left out become empty. Members are offered in the
 * order listed by the linear and round-robin strategies. Skill steps apply by the caller's wait on
 * top of the skill requirements, which are always enforced; after the last step, with
 * {@code anyMemberAfterSteps}, any member meeting them may take the call.
 *
 * @param wrapUpExtensionSeconds how much longer in total an agent may extend its wrap-up of one call
 *        (0, the default: not at all)
 * @param redialDelaySeconds after an offer the phone let ring out; the busy, rejected and
 *        unregistered delays left out take this one
 * @param lastAgentDays a caller who talked to an agent of the group within this many days is offered
 *        to that agent first, for {@code lastAgentSeconds} of its wait; null: no last-agent preference
 * @param weight how much a caller's time in queue counts against callers of the other groups its
 *        agents serve, at equal priority: 1 (the default) as it is, 2 double, 0 only when no caller of
 *        the same priority waits elsewhere
 * @param callbackMaxAttempts how often a callback's number is dialled at most (default 3)
 * @param callbackRetrySeconds how long a callback whose number did not answer waits before it is
 *        offered again at its old place (default 120)
 * @param callbackMaxAgeMinutes how long after the caller asked the group still tries (default 240)
 * @param version the version the change was made from; required when replacing, ignored on create
 */
public record GroupRequest(
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = STRATEGIES, message = "{verbund.group.strategy}") String strategy,
        @Min(1) @Max(600) Integer ringTimeSeconds,
        @Min(0) @Max(3600) Integer wrapUpSeconds,
        @Min(0) @Max(3600) Integer wrapUpExtensionSeconds,
        @Min(1) @Max(100) Integer maxConsecutiveNoAnswer,
        @Min(0) @Max(300) Integer redialDelaySeconds,
        @Min(0) @Max(300) Integer redialDelayBusySeconds,
        @Min(0) @Max(3600) Integer redialDelayRejectedSeconds,
        @Min(0) @Max(3600) Integer redialDelayUnregisteredSeconds,
        @Min(1) @Max(3600) Integer serviceLevelSeconds,
        @Min(0) @Max(100) Integer serviceLevelTargetPercent,
        @Min(0) @Max(300) Integer shortAbandonSeconds,
        Boolean forcedDisposition,
        Boolean recording,
        Boolean recordingNotice,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{verbund.group.crmUrlTemplate}")
        String crmUrlTemplate,
        @Size(max = 1000) List<@Valid @NotNull Member> members,
        @Size(max = 50) List<@Valid @NotNull SkillNeeded> skillRequirements,
        @Size(max = 10) List<@Valid @NotNull SkillStep> skillSteps,
        Boolean anyMemberAfterSteps,
        @Min(1) @Max(365) Integer lastAgentDays,
        @Min(1) @Max(600) Integer lastAgentSeconds,
        @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 2) BigDecimal weight,
        @Min(1) @Max(10) Integer callbackMaxAttempts,
        @Min(0) @Max(86400) Integer callbackRetrySeconds,
        @Min(1) @Max(10080) Integer callbackMaxAgeMinutes,
        Integer version) {

    static final String STRATEGIES = "LONGEST_IDLE|ROUND_ROBIN|RING_ALL|FEWEST_CALLS|LEAST_TALK_TIME|RANDOM|LINEAR|SKILLS_BASED";

    /** An agent in the group; lower penalties are offered calls first. */
    public record Member(@NotBlank @Size(max = 32) String extension, @Min(0) @Max(100) Integer penalty) {
    }

    /** A skill members need, at least at this proficiency (1–5). */
    public record SkillNeeded(@NotBlank @Size(max = 100) String skill, @Min(1) @Max(5) Integer minProficiency) {
    }

    /**
     * One skill step, applied on top of {@code skillRequirements} (the minimum) while the caller's
     * wait is within it: all its conditions, for {@code durationSeconds} (absent: for good; only the
     * last step may).
     */
    public record SkillStep(@Size(max = 20) List<@Valid @NotNull SkillNeeded> conditions, @Min(1) @Max(86400) Integer durationSeconds) {
    }
}
