package io.verbund.acd.portal.servicenumber;

import io.verbund.acd.portal.api.TenantItem;
import java.time.Instant;

/**
 * A service number as the API answers it; {@code callFlow} is null when the number is out of service;
 * {@code answerOnQueue}: the node answers its callers when the flow first plays them audio, not with early media.
 */
public record ServiceNumberDocument(long id, String number, String label, String callFlow, boolean answerOnQueue, int version, Instant updatedAt)
        implements TenantItem {
}
