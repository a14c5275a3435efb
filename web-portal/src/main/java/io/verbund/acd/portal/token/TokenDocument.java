package io.verbund.acd.portal.token;

import java.time.Instant;
import java.util.List;

/**
 * An API token as lists show it: never its secret, only the first characters to recognise it.
 * {@code token} is present once, in the answer that created it.
 */
public record TokenDocument(long id, String name, String prefix, List<String> scopes, String createdBy, Instant createdAt,
                            Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String token) {
}
