package io.verbund.acd.portal.tenant;

import java.time.Instant;

/** A tenant as the API answers it; {@code reseller} is the key of the reseller it belongs to, if any. */
public record TenantDocument(long id, String key, String name, String kind, String reseller, Integer maxChannels,
                             String timeZone, String defaultLocale, boolean enabled, int version, Instant updatedAt) {
}
