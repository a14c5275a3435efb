package io.verbund.acd.runtime.security;

import java.time.Instant;
import java.util.Objects;

/**
 * Fired (as a CDI event) when {@link LoginThrottle} locks an account (for one address or for the
 * addresses it is not used from) or a client address out after too many failed password checks; the
 * audit log observes it. Carries no password.
 *
 * @param kind    what was locked
 * @param subject the login (lower case) or the client address
 * @param source  the client address of the failure that locked it
 * @param failures how many failures within the window locked it
 * @param until   when attempts are accepted again
 */
public record LoginLockedOut(Kind kind, String subject, String source, int failures, Instant until) {

    public enum Kind {
        /** One account from one address. */
        ACCOUNT_FROM_SOURCE,
        /** One account from every address that is not one of its known addresses. */
        ACCOUNT,
        /** One address, whatever account it tries. */
        SOURCE;

        public boolean ofAccount() {
            return this != SOURCE;
        }
    }

    public LoginLockedOut {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(until, "until");
    }
}
