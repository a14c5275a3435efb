package io.verbund.acd.skill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An agent must hold {@code skill} at level {@code atLeast} or higher. */
public record SkillCondition(SkillName skill, int atLeast) {

    public SkillCondition {
        Objects.requireNonNull(skill, "skill");
        if (atLeast < AgentSkills.LOWEST || atLeast > AgentSkills.HIGHEST) {
            throw new InvalidSkillRequirements("atLeast",
                    "a level must be " + AgentSkills.LOWEST + "-" + AgentSkills.HIGHEST + ", not " + atLeast);
        }
    }

    public static SkillCondition of(String skill, int atLeast) {
        return new SkillCondition(new SkillName(skill), atLeast);
    }

    /**
     * Conditions as a call flow or an HTTP lookup writes them into the call variable {@code skills}:
     * {@code Sales>=3, German>=2} (a skill alone means at least 1).
     *
     * @throws InvalidSkillRequirements naming the entry ({@code skills[1].atLeast}) that is none
     */
    public static List<SkillCondition> parseAll(String text) {
        List<SkillCondition> conditions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return conditions;
        }
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int at = entry.indexOf(">=");
            String name = (at < 0 ? entry : entry.substring(0, at)).strip();
            String level = at < 0 ? "1" : entry.substring(at + 2).strip();
            conditions.add(InvalidSkillRequirements.at("skills[" + i + "]", () -> {
                try {
                    return of(name, Integer.parseInt(level));
                } catch (NumberFormatException e) {
                    throw new InvalidSkillRequirements("atLeast", "a level must be a number from 1 to 5, not '" + level + "'");
                }
            }));
        }
        requireOnePerSkill(conditions, "skills");
        return List.copyOf(conditions);
    }

    public boolean isMetBy(AgentSkills agent) {
        return agent.levelOf(skill) >= atLeast;
    }

    /**
     * One condition per skill in a list of AND-ed conditions: a second one for the same skill either
     * repeats the first or is hidden by it, and an admin who wrote it meant something else.
     */
    static void requireOnePerSkill(List<SkillCondition> conditions, String field) {
        Set<SkillName> seen = new HashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            SkillName skill = conditions.get(i).skill();
            if (!seen.add(skill)) {
                throw new InvalidSkillRequirements(field + "[" + i + "].skill", skill + " is already required here");
            }
        }
    }

    /** The conditions as one AND: {@code Sales ≥ 3 AND German ≥ 2}. */
    static String allOf(List<SkillCondition> conditions) {
        // A loop, not a stream: every decision record describes the requirement it was made under.
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                all.append(" AND ");
            }
            all.append(conditions.get(i).skill().value()).append(" ≥ ").append(conditions.get(i).atLeast());
        }
        return all.toString();
    }

    /** As a decision record shows it: {@code Sales ≥ 3}. */
    @Override
    public String toString() {
        return skill + " ≥ " + atLeast;
    }
}
