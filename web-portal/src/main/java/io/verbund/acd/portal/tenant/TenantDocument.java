package io.verbund.acd.portal.tenant;

import java.time.Instant;
import java.util.List;

/**
 * A tenant as the API answers it; {@code reseller} is the key of the reseller it belongs to, if any;
 * {@code transferNumbers} the patterns of external numbers its calls may be transferred to and its
 * agents may call; {@code outboundCallerId} the number its outbound calls present, null for none.
 */
public record TenantDocument(long id, String key, String name, String kind, String reseller, Integer maxChannels,
                             String timeZone, String defaultLocale, boolean enabled, List<String> transferNumbers, String outboundCallerId, int version,
                             Instant updatedAt) {
}
