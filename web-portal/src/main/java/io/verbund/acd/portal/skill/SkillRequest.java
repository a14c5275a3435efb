package io.verbund.acd.portal.skill;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A skill as a client sends it: {@code {"name":"French"}}, and to rename one
 * {@code {"name":"French","version":0}}.
 *
 * @param name    unique within the tenant, compared as the database does (case and accents aside)
 * @param version the version the change was made from; required when replacing, ignored on create
 */
public record SkillRequest(@NotBlank @Size(max = 100) String name, Integer version) {
}
