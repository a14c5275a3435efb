package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.SipCredentials;

/**
 * The SIP digest credentials an agent's phone registers with after a create or a change. The stored
 * HA1 is MD5 over user name, realm and password together ({@link SipCredentials}), so it can be kept
 * only while the user name stays: a new user name needs the password again. The realm is the
 * registrar's ({@link SipCredentials#DEFAULT_REALM}) and is not changed through the API.
 */
final class PhoneCredentials {

    private PhoneCredentials() {
    }

    static SipCredentials forNewAgent(String username, String password) {
        return SipCredentials.of(username, SipCredentials.DEFAULT_REALM, password.toCharArray());
    }

    /** Whether changing to {@code username} invalidates the stored HA1, so a password must come with it. */
    static boolean needsPassword(SipCredentials current, String username) {
        return !current.username().equals(username);
    }

    /**
     * @param password the new password; null keeps the stored HA1
     * @throws IllegalArgumentException when the user name changes without a password ({@link #needsPassword})
     */
    static SipCredentials afterChange(SipCredentials current, String username, String password) {
        if (password != null) {
            return SipCredentials.of(username, current.realm(), password.toCharArray());
        }
        if (needsPassword(current, username)) {
            throw new IllegalArgumentException("a new SIP user name needs the password, since HA1 covers both");
        }
        return current;
    }
}
