package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.user.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns Basic credentials into a {@link Caller}, or refuses them. A wrong password, an unknown login
 * and a disabled user are refused alike and take about as long, so a client cannot tell which
 * logins exist.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());
    private static final String REFUSED = "The login or password is wrong, or the user is disabled";

    private final UserDirectory directory;
    private final VerifiedCredentials verified;
    private volatile PasswordHash decoy;

    @Inject
    public Authenticator(UserDirectory directory, Clock clock) {
        this.directory = directory;
        this.verified = new VerifiedCredentials(clock);
    }

    /** For CDI's proxy only. */
    protected Authenticator() {
        this.directory = null;
        this.verified = null;
    }

    /** @throws NotAuthenticated when the credentials do not belong to an enabled user */
    public Caller authenticate(BasicCredentials credentials) {
        Optional<Caller> remembered = verified.lookup(credentials);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        Optional<StoredUser> user = directory.find(credentials.login());
        char[] password = credentials.password().toCharArray();
        boolean matches = user.flatMap(StoredUser::passwordHash).orElseGet(this::decoy).matches(password);
        if (!matches || user.isEmpty() || !user.get().enabled() || user.get().passwordHash().isEmpty()) {
            LOG.fine(() -> "refused credentials for login " + credentials.login());
            throw new NotAuthenticated(REFUSED);
        }
        Caller caller = user.get().caller();
        verified.remember(credentials, caller);
        return caller;
    }

    /** A hash no password is checked against for real: keeps unknown logins as slow as known ones. */
    private PasswordHash decoy() {
        PasswordHash hash = decoy;
        if (hash == null) {
            hash = PasswordHash.of(java.util.UUID.randomUUID().toString().toCharArray());
            decoy = hash;
        }
        return hash;
    }
}
