package io.verbund.acd.portal.disposition;

import io.verbund.acd.portal.api.TenantItem;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A disposition as the API answers it; {@code group} is present as null for one offered in every group. */
@JsonbNillable
@JsonbPropertyOrder({"id", "code", "label", "group", "enabled", "version", "updatedAt"})
public record DispositionDocument(long id, String code, String label, String group, boolean enabled, int version,
                                  Instant updatedAt) implements TenantItem {
}
