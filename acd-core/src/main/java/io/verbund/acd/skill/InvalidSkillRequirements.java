package io.verbund.acd.skill;

import java.util.function.Supplier;

/**
 * A skill requirement an admin or a call flow gave that cannot be used, naming the field to fix, so
 * the REST layer can answer with a problem naming it, e.g. {@code steps[1].conditions} or
 * {@code minimum[0].atLeast}.
 */
public class InvalidSkillRequirements extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * @param field  the path of the field, relative to the value that found the fault: a condition
     *               names {@code atLeast}, a requirement {@code steps[1].duration}
     * @param reason an English sentence fragment saying what is wrong, without the field
     */
    public InvalidSkillRequirements(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /**
     * Builds one part of a requirement, placing any fault found in it under {@code place}: the parts
     * are built before the whole they belong to, so only the builder knows where they go. Nested,
     * {@code at("steps[1]", () -> new SkillStep(List.of(at("conditions[0]", ...)), ...))} names
     * {@code steps[1].conditions[0].atLeast}.
     */
    public static <T> T at(String place, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidSkillRequirements fault) {
            throw new InvalidSkillRequirements(fault.field.isEmpty() ? place : place + "." + fault.field, fault.reason);
        }
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
