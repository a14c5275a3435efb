package io.verbund.acd.runtime.security;

import io.verbund.acd.user.PasswordHash;
import java.util.Objects;
import java.util.Optional;

/**
 * A portal user as the database holds it: who it would be, and the hash its password must match.
 *
 * @param caller       the caller this user becomes once its password is verified
 * @param passwordHash empty when the stored hash is unreadable: such a user cannot log in
 * @param enabled      false when the user or its tenant is disabled
 */
public record StoredUser(Caller caller, Optional<PasswordHash> passwordHash, boolean enabled) {

    public StoredUser {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
