package io.verbund.acd.skill;

import java.util.Map;

/**
 * The skills an agent holds, each with a proficiency from {@value #LOWEST} (a beginner) to
 * {@value #HIGHEST} (an expert). A skill the agent does not hold counts as level 0, below any
 * condition.
 *
 * <p>A value like a record of its {@code levels}, but a class: it also keeps them as two arrays,
 * since a distribution pass asks every free agent's level in each required skill for every caller,
 * and a few names compared in a row cost less than a map look-up each.
 */
public final class AgentSkills {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    /** An agent without skills: eligible only where nothing is required. */
    public static final AgentSkills NONE = new AgentSkills(Map.of());

    private final Map<SkillName, Integer> levels;
    private final SkillName[] skills;
    private final int[] proficiencies;

    public AgentSkills(Map<SkillName, Integer> levels) {
        this.levels = Map.copyOf(levels);
        this.skills = new SkillName[this.levels.size()];
        this.proficiencies = new int[this.levels.size()];
        int i = 0;
        for (Map.Entry<SkillName, Integer> skill : this.levels.entrySet()) {
            int level = skill.getValue();
            if (level < LOWEST || level > HIGHEST) {
                throw new IllegalArgumentException(
                        "proficiency in " + skill.getKey() + " must be " + LOWEST + "-" + HIGHEST + ", not " + level);
            }
            skills[i] = skill.getKey();
            proficiencies[i++] = level;
        }
    }

    public Map<SkillName, Integer> levels() {
        return levels;
    }

    /** The agent's proficiency in {@code skill}, 0 when it does not hold it. */
    public int levelOf(SkillName skill) {
        for (int i = 0; i < skills.length; i++) {
            if (skills[i].equals(skill)) {
                return proficiencies[i];
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentSkills agent && agent.levels.equals(levels);
    }

    @Override
    public int hashCode() {
        return levels.hashCode();
    }

    @Override
    public String toString() {
        return "AgentSkills[levels=" + levels + "]";
    }
}
