package io.verbund.acd.stats.slice;

import java.time.Instant;

/** One tenant's 15-minute slice: the unit the call slices are summed in. */
public record TenantSlice(long tenantId, Instant start) {
}
