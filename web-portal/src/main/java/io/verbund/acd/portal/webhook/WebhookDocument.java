package io.verbund.acd.portal.webhook;

import io.verbund.acd.portal.api.TenantItem;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API answers it. {@code secret} is present once, in the answer that created it:
 * the receiver checks {@code X-Verbund-Signature} with it.
 */
public record WebhookDocument(long id, String name, String url, List<String> events, boolean enabled, String lastStatus,
                              Instant lastAttemptAt, int version, Instant updatedAt, String secret) implements TenantItem {
}
