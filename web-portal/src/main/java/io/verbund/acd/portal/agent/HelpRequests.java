package io.verbund.acd.portal.agent;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.portal.event.Audience;
import io.verbund.acd.portal.event.EventJournal;
import io.verbund.acd.portal.event.EventJson;
import io.verbund.acd.runtime.agent.ConfiguredAgent;
import io.verbund.acd.runtime.agent.JdbcAgentDirectory;
import io.verbund.acd.runtime.agent.UnknownAgent;
import io.verbund.acd.runtime.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/** An agent raising its hand: a {@code help-request} event for the supervisors who watch it. */
@ApplicationScoped
public class HelpRequests {

    private static final Logger LOG = Logger.getLogger(HelpRequests.class.getName());

    /** The body of a {@code help-request} event. */
    public record HelpRequested(String extension, String displayName, String message, Instant at) {
    }

    private final JdbcAgentDirectory directory;
    private final EventJournal journal;

    @Inject
    public HelpRequests(JdbcAgentDirectory directory, EventJournal journal) {
        this.directory = directory;
        this.journal = journal;
    }

    /** For CDI's proxy only. */
    protected HelpRequests() {
        this.directory = null;
        this.journal = null;
    }

    /** @throws io.verbund.acd.runtime.problem.NotPermitted unless the caller works as this agent: nobody asks for help in another's name */
    public HelpRequested ask(Caller caller, String extension, String message) {
        AgentKey key = AgentAccess.requireSelf(caller, extension, PortalWords.text("denied.what.help", extension));
        ConfiguredAgent agent = directory.find(key).orElseThrow(() -> new UnknownAgent(key.tenant(), extension));
        HelpRequested request = new HelpRequested(extension, agent.displayName(), message == null ? "" : message.strip(), Instant.now());
        journal.publish(caller.tenant(), "help-request", Audience.staffOf(extension), EventJson.of(request));
        LOG.info(() -> "agent " + key + " asked for help");
        return request;
    }
}
