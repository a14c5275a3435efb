package io.verbund.acd.portal.agent;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * An agent's configuration as the API answers it, addressed by {@code extension}; {@code id} is
 * there for reference only. The SIP password and its digest are never part of it.
 * {@code userLogin} is present as null for an agent with a phone only.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "extension", "displayName", "sipUsername", "userLogin", "enabled", "skills", "version", "updatedAt"})
public record AgentDocument(long id, String extension, String displayName, String sipUsername, String userLogin, boolean enabled,
                            List<Skill> skills, int version, Instant updatedAt) {

    @JsonbPropertyOrder({"skill", "proficiency"})
    public record Skill(String skill, int proficiency) {
    }
}
