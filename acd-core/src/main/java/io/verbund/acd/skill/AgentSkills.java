package io.verbund.acd.skill;

import java.util.Map;

/**
 * The skills an agent holds, each with a proficiency from {@value #LOWEST} (a beginner) to
 * {@value #HIGHEST} (an expert). A skill the agent does not hold counts as level 0, below any
 * condition.
 */
public record AgentSkills(Map<SkillName, Integer> levels) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    /** An agent without skills: eligible only where nothing is required. */
    public static final AgentSkills NONE = new AgentSkills(Map.of());

    public AgentSkills {
        levels = Map.copyOf(levels);
        levels.forEach((skill, level) -> {
            if (level < LOWEST || level > HIGHEST) {
                throw new IllegalArgumentException(
                        "proficiency in " + skill + " must be " + LOWEST + "-" + HIGHEST + ", not " + level);
            }
        });
    }

    /** The agent's proficiency in {@code skill}, 0 when it does not hold it. */
    public int levelOf(SkillName skill) {
        return levels.getOrDefault(skill, 0);
    }
}
