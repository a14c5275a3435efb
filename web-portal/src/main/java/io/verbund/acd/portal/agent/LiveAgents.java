package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.AgentStatusCodec;
import io.verbund.acd.portal.event.Audience;
import io.verbund.acd.portal.event.EventJournal;
import io.verbund.acd.portal.event.EventJson;
import io.verbund.acd.runtime.agent.SharedAgentCache;
import io.verbund.acd.runtime.cache.CacheMirror;
import io.verbund.acd.runtime.concurrent.SerialExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import org.infinispan.Cache;

/**
 * Every agent's live status as this node sees it (a mirror of the replicated {@code agents}
 * cache), and the {@code agent-state} events a change produces, whichever node made it. Events
 * leave the cache's thread at once and are published in order by a {@link SerialExecutor}.
 */
@ApplicationScoped
public class LiveAgents {

    /** Fired (synchronously, on the publishing thread) after an agent's event went out. */
    public record AgentChanged(AgentStatus status, boolean local) {
    }

    @Resource(lookup = SharedAgentCache.JNDI_NAME)
    private Cache<String, String> cache;
    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final EventJournal journal;
    private final Event<AgentChanged> changed;
    private CacheMirror<AgentStatus> mirror;
    private SerialExecutor publisher;

    @Inject
    public LiveAgents(EventJournal journal, Event<AgentChanged> changed) {
        this.journal = journal;
        this.changed = changed;
    }

    /** For CDI's proxy only. */
    protected LiveAgents() {
        this.journal = null;
        this.changed = null;
    }

    void start(@Observes Startup startup) {
        publisher = new SerialExecutor(executor);
        mirror = CacheMirror.of(cache, AgentStatusCodec::decode, this::changed);
    }

    @PreDestroy
    void stop() {
        if (mirror != null) {
            mirror.close();
        }
    }

    public Optional<AgentStatus> status(AgentKey agent) {
        return mirror.get(agent.toString());
    }

    private void changed(String key, AgentStatus before, AgentStatus after, boolean local) {
        if (after == null || (before != null && before.state() == after.state() && Objects.equals(before.reason(), after.reason())
                && Objects.equals(before.callId(), after.callId()) && before.wrapUpPeriod().equals(after.wrapUpPeriod()))) {
            return;
        }
        publisher.execute(() -> {
            journal.publish(after.agent().tenant(), "agent-state", Audience.agent(after.agent().extension()),
                    EventJson.of(AgentStateDocument.of(after)), local);
            changed.fire(new AgentChanged(after, local));
        });
    }
}
