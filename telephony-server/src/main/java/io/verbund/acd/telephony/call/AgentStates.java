package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.AgentStatusCodec;
import io.verbund.acd.agent.IllegalAgentTransition;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.infinispan.Cache;

/**
 * Agent states in the replicated cache {@code agents}, changed only by compare-and-set: reserving
 * an agent succeeds on exactly one node, whoever else tries at the same moment.
 */
@ApplicationScoped
public class AgentStates {

    private static final int ATTEMPTS = 8;

    @Resource(lookup = "java:jboss/infinispan/cache/acd/agents")
    private Cache<String, String> cache;

    private final DecodedValues<AgentStatus> statuses = new DecodedValues<>(AgentStatusCodec::decode);

    public AgentStatus current(AgentKey agent, Instant now) {
        return Optional.ofNullable(cache.get(agent.toString())).map(statuses::decode)
                .orElseGet(() -> AgentStatus.loggedOut(agent, now));
    }

    /** Replaces {@code expected} with {@code next} only if nobody changed the agent meanwhile. */
    public boolean compareAndSet(AgentStatus expected, AgentStatus next) {
        String key = expected.agent().toString();
        String stored = cache.get(key);
        String expectedText = AgentStatusCodec.encode(expected);
        if (stored == null) {
            return false;
        }
        return stored.equals(expectedText) && cache.replace(key, expectedText, AgentStatusCodec.encode(next));
    }

    /**
     * Applies a change to whatever the agent's state is now, retrying on concurrent updates.
     * Returns empty when the change does not apply to the current state any more.
     */
    public Optional<AgentStatus> update(AgentKey agent, Instant now, UnaryOperator<AgentStatus> change) {
        String key = agent.toString();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String stored = cache.get(key);
            AgentStatus current = stored == null ? AgentStatus.loggedOut(agent, now) : AgentStatusCodec.decode(stored);
            AgentStatus next;
            try {
                next = change.apply(current);
            } catch (IllegalAgentTransition e) {
                return Optional.empty();
            }
            String nextText = AgentStatusCodec.encode(next);
            boolean written = stored == null ? cache.putIfAbsent(key, nextText) == null : cache.replace(key, stored, nextText);
            if (written) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }
}
