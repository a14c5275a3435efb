package io.verbund.acd.portal.softphone;

import java.util.Objects;

/**
 * A phone's digest account as the registrar knows it: an agent's or a supervisor's.
 *
 * @param ha1 password-equivalent: only ever to the account's own user, never logged
 */
public record SipAccount(String username, String realm, String ha1, String displayName) {

    public SipAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(ha1, "ha1");
    }

    /** Without the HA1: fit for a log line. */
    @Override
    public String toString() {
        return username + "@" + realm;
    }
}
