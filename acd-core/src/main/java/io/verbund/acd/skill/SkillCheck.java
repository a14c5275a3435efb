package io.verbund.acd.skill;

import io.verbund.acd.routing.Exclusion;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A skill requirement as it stands at one wait: the minimum, the step in force and the strictest
 * level per required skill, each worked out once as arrays. A distribution pass checks and ranks every
 * free agent against one caller's requirement, many times per decision, so nothing here allocates.
 * The description is written only when a decision record asks for it: most callers of a busy pass
 * find no agent and need none.
 */
public final class SkillCheck {

    private static final Optional<Exclusion> BELOW_SKILL_MINIMUM = Optional.of(Exclusion.BELOW_SKILL_MINIMUM);
    private static final Optional<Exclusion> STEP_NOT_REACHED = Optional.of(Exclusion.STEP_NOT_REACHED);

    private final SkillName[] minimumSkills;
    private final int[] minimumLevels;
    private final SkillName[] stepSkills;
    private final int[] stepLevels;
    /** Worked out when first ranked by: only skills-based routing does. */
    private Strictest strictest;
    private final Supplier<String> describing;
    private String description;

    SkillCheck(List<SkillCondition> minimum, List<SkillCondition> step, Supplier<String> describing) {
        this.minimumSkills = skills(minimum);
        this.minimumLevels = levels(minimum);
        this.stepSkills = skills(step);
        this.stepLevels = levels(step);
        this.describing = describing;
    }

    /** Why the agent may not take the call: below the minimum, or short of the step in force; empty when it may. */
    public Optional<Exclusion> exclusionOf(AgentSkills agent) {
        if (!allMet(minimumSkills, minimumLevels, agent)) {
            return BELOW_SKILL_MINIMUM;
        }
        if (!allMet(stepSkills, stepLevels, agent)) {
            return STEP_NOT_REACHED;
        }
        return Optional.empty();
    }

    /**
     * Whether {@code other} holds agents to the same minimum and the same step, so that it excludes
     * the same agents for the same reasons and ranks them alike: callers next to each other in the
     * queue mostly share the step in force, and a pass need not check every agent again for each.
     */
    public boolean sameAs(SkillCheck other) {
        return Arrays.equals(minimumSkills, other.minimumSkills) && Arrays.equals(minimumLevels, other.minimumLevels)
                && Arrays.equals(stepSkills, other.stepSkills) && Arrays.equals(stepLevels, other.stepLevels);
    }

    /** {@link SkillRequirements#matchScore}: how far the agent is above the levels in force. */
    public int matchScore(AgentSkills agent) {
        if (strictest == null) {
            strictest = strictest();
        }
        SkillName[] required = strictest.skills();
        int[] levels = strictest.levels();
        int score = 0;
        for (int i = 0; i < required.length; i++) {
            score += agent.levelOf(required[i]) - levels[i];
        }
        return score;
    }

    /** {@link SkillRequirements#describe}. */
    public String describe() {
        if (description == null) {
            description = describing.get();
        }
        return description;
    }

    /** The strictest level per skill the minimum or the step names, in the order named; one object, so safely shared once set. */
    private record Strictest(SkillName[] skills, int[] levels) {
    }

    /** Neither list names a skill twice. */
    private Strictest strictest() {
        SkillName[] both = Arrays.copyOf(minimumSkills, minimumSkills.length + stepSkills.length);
        int[] bothLevels = Arrays.copyOf(minimumLevels, both.length);
        int count = minimumSkills.length;
        for (int i = 0; i < stepSkills.length; i++) {
            int at = indexOf(stepSkills[i], both, count);
            if (at < 0) {
                both[count] = stepSkills[i];
                bothLevels[count++] = stepLevels[i];
            } else {
                bothLevels[at] = Math.max(bothLevels[at], stepLevels[i]);
            }
        }
        return new Strictest(Arrays.copyOf(both, count), Arrays.copyOf(bothLevels, count));
    }

    private static boolean allMet(SkillName[] skills, int[] levels, AgentSkills agent) {
        for (int i = 0; i < skills.length; i++) {
            if (agent.levelOf(skills[i]) < levels[i]) {
                return false;
            }
        }
        return true;
    }

    private static SkillName[] skills(List<SkillCondition> conditions) {
        SkillName[] skills = new SkillName[conditions.size()];
        for (int i = 0; i < skills.length; i++) {
            skills[i] = conditions.get(i).skill();
        }
        return skills;
    }

    private static int[] levels(List<SkillCondition> conditions) {
        int[] levels = new int[conditions.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = conditions.get(i).atLeast();
        }
        return levels;
    }

    private static int indexOf(SkillName skill, SkillName[] skills, int count) {
        for (int i = 0; i < count; i++) {
            if (skills[i].equals(skill)) {
                return i;
            }
        }
        return -1;
    }
}
