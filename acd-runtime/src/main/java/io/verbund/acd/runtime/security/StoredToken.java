package io.verbund.acd.runtime.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An API token as the directory holds it.
 *
 * @param id      {@code api_token.id}
 * @param caller  who requests made with it act as: its tenant, in its creator's name, with
 *                {@link #rolesCappedBy the lower of} {@link #ROLE} and its creator's current roles
 * @param scopes  what it may do
 * @param expires when it stops working, if ever
 * @param usable  not revoked, tenant and creator enabled, and the creator still holding a role
 */
public record StoredToken(long id, Caller caller, Set<ApiScope> scopes, Optional<Instant> expires, boolean usable) {

    /** The most a token may do: never more than its tenant's admin, whoever created it. */
    public static final Role ROLE = Role.TENANT_ADMIN;

    public StoredToken {
        Objects.requireNonNull(caller, "caller");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(expires, "expires");
    }

    /**
     * A token's roles given its creator's current ones: {@link #ROLE} when the creator still holds it
     * or a higher one, otherwise the creator's lower roles (a creator demoted to supervisor makes its
     * tokens act as a supervisor would), none when the creator holds no role at all.
     */
    public static Set<Role> rolesCappedBy(Set<Role> creatorRoles) {
        Set<Role> capped = EnumSet.noneOf(Role.class);
        for (Role role : creatorRoles) {
            capped.add(role.compareTo(ROLE) <= 0 ? ROLE : role);
        }
        return capped.contains(ROLE) ? Set.of(ROLE) : capped;
    }

    public boolean validAt(Instant now) {
        return usable && expires.map(now::isBefore).orElse(true);
    }
}
