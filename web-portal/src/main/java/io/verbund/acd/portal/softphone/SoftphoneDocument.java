package io.verbund.acd.portal.softphone;

/**
 * A browser softphone's settings, the agent's or the supervisor's. {@code available} false with
 * {@code reason} where the server has no softphone edge. The app picks {@code secureWebSocket} when
 * its page came over HTTPS (a browser allows no plain WebSocket from a secure page), {@code
 * webSocket} otherwise.
 *
 * @param ha1 MD5 of user, realm and password, which answers the registrar's digest challenge in place of the password
 */
public record SoftphoneDocument(boolean available, String reason, String webSocket, String secureWebSocket, String sipUri,
                                String authorizationUser, String realm, String ha1, String displayName) {

    static SoftphoneDocument unavailable(String reason) {
        return new SoftphoneDocument(false, reason, null, null, null, null, null, null, null);
    }
}
