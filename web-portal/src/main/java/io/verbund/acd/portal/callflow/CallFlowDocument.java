package io.verbund.acd.portal.callflow;

import io.verbund.acd.portal.api.TenantItem;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A call flow as the API answers it: the graph of the version new calls run, and the service
 * numbers that lead into it. {@code version} is the optimistic lock; {@code currentVersion} the
 * published graph's number.
 */
public record CallFlowDocument(long id, String name, Integer currentVersion, JsonObject graph,
                               List<String> serviceNumbers, int version, Instant updatedAt) implements TenantItem {
}
