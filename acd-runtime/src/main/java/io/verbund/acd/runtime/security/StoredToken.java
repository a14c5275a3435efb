package io.verbund.acd.runtime.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An API token as the directory holds it.
 *
 * @param id      {@code api_token.id}
 * @param caller  who requests made with it act as: its tenant, in its creator's name, as TENANT_ADMIN
 * @param scopes  what it may do
 * @param expires when it stops working, if ever
 * @param usable  not revoked, and tenant and creator enabled
 */
public record StoredToken(long id, Caller caller, Set<ApiScope> scopes, Optional<Instant> expires, boolean usable) {

    public StoredToken {
        Objects.requireNonNull(caller, "caller");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(expires, "expires");
    }

    public boolean validAt(Instant now) {
        return usable && expires.map(now::isBefore).orElse(true);
    }
}
