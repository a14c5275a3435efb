package io.verbund.acd.portal.agent;

import io.verbund.acd.persistence.config.AgentEntity;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.softphone.SipAccount;
import io.verbund.acd.portal.softphone.SoftphoneDocument;
import io.verbund.acd.portal.softphone.SoftphoneEdge;
import io.verbund.acd.runtime.agent.UnknownAgent;
import io.verbund.acd.runtime.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What the agent desktop's browser softphone needs to register as the agent's phone, only for the agent itself. */
@ApplicationScoped
public class Softphones {

    private final EntityManager entities;
    private final SoftphoneEdge edge;

    @Inject
    public Softphones(EntityManager entities, SoftphoneEdge edge) {
        this.entities = entities;
        this.edge = edge;
    }

    /** For CDI's proxy only. */
    protected Softphones() {
        this(null, null);
    }

    /** @throws io.verbund.acd.runtime.problem.NotPermitted unless the caller works as this agent */
    public SoftphoneDocument of(Caller caller, String extension) {
        AgentAccess.requireSelf(caller, extension, PortalWords.text("denied.what.softphone"));
        AgentEntity agent = entities.createQuery("SELECT a FROM AgentEntity a WHERE a.tenantId = :tenant AND a.extension = :extension",
                        AgentEntity.class)
                .setParameter("tenant", caller.tenantId().value()).setParameter("extension", extension)
                .getResultList().stream().findFirst().orElseThrow(() -> new UnknownAgent(caller.tenant(), extension));
        return edge.settingsFor(new SipAccount(agent.getSipUsername(), agent.getSipRealm(), agent.getSipHa1(), agent.getDisplayName()));
    }
}
