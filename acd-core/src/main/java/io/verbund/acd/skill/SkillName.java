package io.verbund.acd.skill;

import java.util.Objects;

/**
 * A tenant's name for a skill, such as {@code Sales} or {@code German}. Case-sensitive and matched
 * exactly, which is why surrounding spaces are refused: {@code "Sales "} would silently never match
 * an agent's {@code Sales}.
 */
public record SkillName(String value) {

    public SkillName {
        Objects.requireNonNull(value, "skill name");
        if (value.isBlank()) {
            // Named as a condition names it: a requirement is where a name typed by an admin arrives.
            throw new InvalidSkillRequirements("skill", "a skill needs a name");
        }
        if (!value.strip().equals(value)) {
            throw new InvalidSkillRequirements("skill", "the skill name \"" + value + "\" starts or ends with a space");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
