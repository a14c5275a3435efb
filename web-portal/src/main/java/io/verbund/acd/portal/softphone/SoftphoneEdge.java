package io.verbund.acd.portal.softphone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The softphone edge a browser softphone registers through: its WebSocket addresses ({@code
 * verbund.softphone.websocket}, {@code ...websocket-secure}; the launcher sets them where it runs the
 * edge). Turns a phone's account into the settings its own user's browser needs; the account travels
 * as its digest HA1, never as a password, and the callers make sure only to the account's own user:
 * with it, anyone could register as that phone.
 */
@ApplicationScoped
public class SoftphoneEdge {

    private final Optional<String> webSocket;
    private final Optional<String> secureWebSocket;

    @Inject
    public SoftphoneEdge(@ConfigProperty(name = "verbund.softphone.websocket") Optional<String> webSocket,
                         @ConfigProperty(name = "verbund.softphone.websocket-secure") Optional<String> secureWebSocket) {
        this.webSocket = webSocket.filter(address -> !address.isBlank());
        this.secureWebSocket = secureWebSocket.filter(address -> !address.isBlank());
    }

    /** For CDI's proxy only. */
    protected SoftphoneEdge() {
        this(Optional.empty(), Optional.empty());
    }

    public SoftphoneDocument settingsFor(SipAccount account) {
        if (webSocket.isEmpty() && secureWebSocket.isEmpty()) {
            return SoftphoneDocument.unavailable("This server runs no softphone edge: use a desk phone, or ask the operator to start "
                    + "the ACD with its softphone edge (rtpengine and Kamailio).");
        }
        String host = webSocket.or(() -> secureWebSocket).map(SoftphoneEdge::hostOf).orElseThrow();
        return new SoftphoneDocument(true, null, webSocket.orElse(null), secureWebSocket.orElse(null),
                "sip:" + account.username() + "@" + host, account.username(), account.realm(), account.ha1(), account.displayName());
    }

    private static String hostOf(String address) {
        String rest = address.substring(address.indexOf("://") + 3);
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        return authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1) : authority.split(":")[0];
    }
}
