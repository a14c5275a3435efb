package io.verbund.acd.portal.servicenumber;

import io.verbund.acd.portal.api.TenantItem;
import java.time.Instant;

/** A service number as the API answers it; {@code callFlow} is null when the number is out of service. */
public record ServiceNumberDocument(long id, String number, String label, String callFlow, int version, Instant updatedAt) implements TenantItem {
}
