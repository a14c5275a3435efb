package io.verbund.acd.stats.access;

import io.verbund.acd.tenant.TenantKey;
import java.time.ZoneId;

/** The tenant a statistics request is for: its id, key and the time zone its days and hours are in. */
public record StatsTenant(long id, TenantKey key, ZoneId zone) {
}
