package io.verbund.acd.skill;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a skill requirement: all its conditions must hold, for {@code duration} of the
 * caller's wait; without a duration the step lasts forever (only the last step may).
 */
public record SkillStep(List<SkillCondition> conditions, Optional<Duration> duration) {

    public SkillStep {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(duration, "duration");
        if (conditions.isEmpty()) {
            throw new InvalidSkillRequirements("conditions", "a step needs at least one condition");
        }
        SkillCondition.requireOnePerSkill(conditions, "conditions");
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new InvalidSkillRequirements("duration", "a step must last a while, not " + duration.get());
        }
    }

    public static SkillStep lasting(Duration duration, SkillCondition... conditions) {
        return new SkillStep(Arrays.asList(conditions), Optional.of(duration));
    }

    public static SkillStep forever(SkillCondition... conditions) {
        return new SkillStep(Arrays.asList(conditions), Optional.empty());
    }

    public boolean lastsForever() {
        return duration.isEmpty();
    }

    public boolean isMetBy(AgentSkills agent) {
        return conditions.stream().allMatch(condition -> condition.isMetBy(agent));
    }
}
