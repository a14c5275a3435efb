package io.verbund.acd.portal.pause;

import io.verbund.acd.portal.api.TenantItem;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A pause reason as the API answers it; {@code maxSeconds} is present as null when there is no
 * limit, and {@code setBySystem} says the reason cannot be chosen, changed or removed.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "code", "label", "paid", "maxSeconds", "setBySystem", "enabled", "version", "updatedAt"})
public record PauseReasonDocument(long id, String code, String label, boolean paid, Integer maxSeconds, boolean setBySystem,
                                  boolean enabled, int version, Instant updatedAt) implements TenantItem {
}
