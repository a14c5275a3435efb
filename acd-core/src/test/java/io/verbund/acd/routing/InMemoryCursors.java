package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where round-robin groups stopped, as the cluster cache keeps it: every distributor of a test shares one. */
final class InMemoryCursors implements RoundRobinCursors {

    private final ConcurrentHashMap<Long, AgentKey> lastOffered = new ConcurrentHashMap<>();

    @Override
    public Optional<AgentKey> lastOffered(long groupId) {
        return Optional.ofNullable(lastOffered.get(groupId));
    }

    @Override
    public void offered(long groupId, AgentKey agent) {
        lastOffered.put(groupId, agent);
    }

    boolean isEmpty() {
        return lastOffered.isEmpty();
    }
}
