package io.verbund.acd.runtime.problem;

/**
 * What is wrong with one field of a request body, so a form can show it next to the field.
 *
 * @param field   the JSON path of the field, e.g. {@code name} or {@code members[2].penalty}
 * @param message for a person, in English
 */
public record FieldProblem(String field, String message) {
}
