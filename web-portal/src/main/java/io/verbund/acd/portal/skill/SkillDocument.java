package io.verbund.acd.portal.skill;

import io.verbund.acd.portal.api.TenantItem;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A skill as the API answers it; {@code version} is what a change must name. */
@JsonbPropertyOrder({"id", "name", "version", "updatedAt"})
public record SkillDocument(long id, String name, int version, Instant updatedAt) implements TenantItem {
}
