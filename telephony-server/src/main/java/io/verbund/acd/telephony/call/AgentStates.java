package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.AgentStatusCodec;
import io.verbund.acd.agent.IllegalAgentTransition;
import io.verbund.acd.routing.AgentBoard;
import io.verbund.acd.runtime.agent.AgentStateConflict;
import io.verbund.acd.runtime.agent.AgentTransition;
import io.verbund.acd.runtime.agent.AgentStateChange;
import io.verbund.acd.runtime.agent.InfinispanAgentStates;
import io.verbund.acd.runtime.agent.JdbcAgentEvents;
import io.verbund.acd.runtime.cache.CacheMirror;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.infinispan.Cache;

/**
 * The call path's view of agent states in the replicated cache {@code agents}: fast reads for the
 * distributor from this node's mirror; every write (the exact compare-and-set that reserves an agent
 * on exactly one node, and all other changes) through the shared {@link InfinispanAgentStates}.
 */
@ApplicationScoped
public class AgentStates implements AgentBoard {

    @Resource(lookup = "java:jboss/infinispan/cache/acd/agents")
    private Cache<String, String> cache;

    @Inject
    private InfinispanAgentStates shared;

    @Inject
    private JdbcAgentEvents history;

    private CacheMirror<AgentStatus> mirror;

    @PostConstruct
    void startMirror() {
        mirror = CacheMirror.of(cache, AgentStatusCodec::decode);
    }

    /**
     * Tells {@code watcher} of every change of any agent, made on any node, on the writer's thread:
     * it must hand anything slow to another thread and never write to a cache from there.
     */
    public void watch(CacheMirror.Changes<AgentStatus> watcher) {
        mirror.watch(watcher);
    }

    @PreDestroy
    void stopMirror() {
        mirror.close();
    }

    /** From this node's mirror of the cache: may be a moment behind; decisions use {@link #compareAndSet}. */
    @Override
    public AgentStatus current(AgentKey agent, Instant now) {
        return mirror.get(agent.toString()).orElseGet(() -> AgentStatus.loggedOut(agent, now));
    }

    /** Every agent this node's mirror knows, in any state. */
    public Collection<AgentStatus> all() {
        return mirror.values();
    }

    /**
     * Replaces {@code expected} with {@code next} only if nobody changed the agent meanwhile; a
     * change of state, call or pause reason goes into the agent's history ({@code agent_event}),
     * which agent state time is counted from.
     */
    @Override
    public boolean compareAndSet(AgentStatus expected, AgentStatus next) {
        boolean written = shared.compareAndSet(expected, next);
        if (written && entersSomethingElse(expected, next)) {
            history.record(next.agent(), next);
        }
        return written;
    }

    /** The same, the history naming why ({@link io.verbund.acd.agent.ReleaseReason}, PAUSE_LIMIT). */
    boolean compareAndSet(AgentStatus expected, AgentStatus next, String cause) {
        boolean written = shared.compareAndSet(expected, next);
        if (written) {
            history.record(next.agent(), next, cause, Optional.empty());
        }
        return written;
    }

    /**
     * Applies a change to whatever the agent's state is now, through the same compare-and-set loop
     * the agent state API uses. Empty when the change does not apply to the current state any more
     * (the call path then leaves the agent as it is) or other writers kept winning.
     */
    public Optional<AgentStatus> update(AgentKey agent, AgentTransition change) {
        try {
            AgentStateChange applied = shared.apply(agent, change);
            if (entersSomethingElse(applied.previous(), applied.current())) {
                history.record(agent, applied.current());
            }
            return Optional.of(applied.current());
        } catch (IllegalAgentTransition | AgentStateConflict e) {
            return Optional.empty();
        }
    }

    /** A new state, call or pause reason; a wrap-up extended or an offer count changed is not. */
    private static boolean entersSomethingElse(AgentStatus before, AgentStatus after) {
        return before.state() != after.state() || !before.callId().equals(after.callId()) || !before.reason().equals(after.reason());
    }
}
