package io.verbund.acd.skill;

import io.verbund.acd.routing.Exclusion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A skill requirement as it stands at one wait: the minimum, the step in force, the strictest level
 * per required skill and its description, worked out once. A distribution pass checks and ranks
 * every free agent against one caller's requirement, many times per decision, so nothing here
 * allocates.
 */
public final class SkillCheck {

    private static final Optional<Exclusion> BELOW_SKILL_MINIMUM = Optional.of(Exclusion.BELOW_SKILL_MINIMUM);
    private static final Optional<Exclusion> STEP_NOT_REACHED = Optional.of(Exclusion.STEP_NOT_REACHED);

    private final List<SkillCondition> minimum;
    private final List<SkillCondition> step;
    private final SkillName[] required;
    private final int[] levels;
    private final String description;

    SkillCheck(List<SkillCondition> minimum, List<SkillCondition> step, Map<SkillName, Integer> strictest, String description) {
        this.minimum = minimum;
        this.step = step;
        this.required = strictest.keySet().toArray(new SkillName[0]);
        this.levels = strictest.values().stream().mapToInt(Integer::intValue).toArray();
        this.description = description;
    }

    /** Why the agent may not take the call: below the minimum, or short of the step in force; empty when it may. */
    public Optional<Exclusion> exclusionOf(AgentSkills agent) {
        if (!allMet(minimum, agent)) {
            return BELOW_SKILL_MINIMUM;
        }
        if (!allMet(step, agent)) {
            return STEP_NOT_REACHED;
        }
        return Optional.empty();
    }

    /** {@link SkillRequirements#matchScore}: how far the agent is above the levels in force. */
    public int matchScore(AgentSkills agent) {
        int score = 0;
        for (int i = 0; i < required.length; i++) {
            score += agent.levelOf(required[i]) - levels[i];
        }
        return score;
    }

    /** {@link SkillRequirements#describe}. */
    public String describe() {
        return description;
    }

    private static boolean allMet(List<SkillCondition> conditions, AgentSkills agent) {
        for (int i = 0; i < conditions.size(); i++) {
            if (!conditions.get(i).isMetBy(agent)) {
                return false;
            }
        }
        return true;
    }
}
