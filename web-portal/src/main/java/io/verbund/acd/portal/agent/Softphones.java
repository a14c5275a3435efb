package io.verbund.acd.portal.agent;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.persistence.config.AgentEntity;
import io.verbund.acd.runtime.agent.UnknownAgent;
import io.verbund.acd.runtime.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the agent desktop's browser softphone needs to register as the agent's phone: the softphone
 * edge's WebSocket addresses ({@code verbund.softphone.websocket}, {@code ...websocket-secure}; the
 * launcher sets them where it runs the edge) and the agent's SIP account. The account travels as its
 * digest HA1, never as a password, and only to the agent itself: with it, anyone could register as
 * that agent's phone.
 */
@ApplicationScoped
public class Softphones {

    private final EntityManager entities;
    private final Optional<String> webSocket;
    private final Optional<String> secureWebSocket;

    @Inject
    public Softphones(EntityManager entities, @ConfigProperty(name = "verbund.softphone.websocket") Optional<String> webSocket,
                      @ConfigProperty(name = "verbund.softphone.websocket-secure") Optional<String> secureWebSocket) {
        this.entities = entities;
        this.webSocket = webSocket.filter(address -> !address.isBlank());
        this.secureWebSocket = secureWebSocket.filter(address -> !address.isBlank());
    }

    /** For CDI's proxy only. */
    protected Softphones() {
        this(null, Optional.empty(), Optional.empty());
    }

    /** @throws io.verbund.acd.runtime.problem.NotPermitted unless the caller works as this agent */
    public SoftphoneDocument of(Caller caller, String extension) {
        AgentAccess.requireSelf(caller, extension, PortalWords.text("denied.what.softphone"));
        AgentEntity agent = entities.createQuery("SELECT a FROM AgentEntity a WHERE a.tenantId = :tenant AND a.extension = :extension",
                        AgentEntity.class)
                .setParameter("tenant", caller.tenantId().value()).setParameter("extension", extension)
                .getResultList().stream().findFirst().orElseThrow(() -> new UnknownAgent(caller.tenant(), extension));
        if (webSocket.isEmpty() && secureWebSocket.isEmpty()) {
            return SoftphoneDocument.unavailable("This server runs no softphone edge: use a desk phone, or ask the operator to start "
                    + "the ACD with its softphone edge (rtpengine and Kamailio).");
        }
        String host = webSocket.or(() -> secureWebSocket).map(Softphones::hostOf).orElseThrow();
        return new SoftphoneDocument(true, null, webSocket.orElse(null), secureWebSocket.orElse(null),
                "sip:" + agent.getSipUsername() + "@" + host, agent.getSipUsername(), agent.getSipRealm(), agent.getSipHa1(),
                agent.getDisplayName());
    }

    private static String hostOf(String address) {
        String rest = address.substring(address.indexOf("://") + 3);
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        return authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1) : authority.split(":")[0];
    }
}
