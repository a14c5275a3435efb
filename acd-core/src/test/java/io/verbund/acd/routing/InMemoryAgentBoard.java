package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The agent board as the cluster cache behaves, in one JVM: a conditional replace that succeeds
 * only while the stored status still equals the one the writer read. Every distributor of a test
 * shares one board, as every node shares the cache.
 */
final class InMemoryAgentBoard implements AgentBoard {

    private final ConcurrentHashMap<AgentKey, AgentStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger lostWrites = new AtomicInteger();
    private volatile Consumer<AgentStatus> beforeWrite = expected -> { };

    /** Stores a status unconditionally: what an agent, a supervisor or a test sets up. */
    InMemoryAgentBoard put(AgentStatus status) {
        statuses.put(status.agent(), status);
        return this;
    }

    /** The stored status, empty for an agent never put on the board. */
    Optional<AgentStatus> stored(AgentKey agent) {
        return Optional.ofNullable(statuses.get(agent));
    }

    /**
     * Runs before every conditional write with the status the writer expects, so a test can change
     * the agent first, as another node or a supervisor would in the same moment.
     */
    void beforeEachWrite(Consumer<AgentStatus> hook) {
        beforeWrite = Objects.requireNonNull(hook, "hook");
    }

    int writes() {
        return writes.get();
    }

    /** Conditional writes refused because the status had changed since it was read. */
    int lostWrites() {
        return lostWrites.get();
    }

    @Override
    public AgentStatus current(AgentKey agent, Instant now) {
        AgentStatus stored = statuses.get(agent);
        return stored != null ? stored : AgentStatus.loggedOut(agent, now);
    }

    @Override
    public boolean compareAndSet(AgentStatus expected, AgentStatus next) {
        // A write that moved one agent's status onto another's key would corrupt the board silently.
        if (!expected.agent().equals(next.agent())) {
            throw new IllegalArgumentException("compare-and-set across agents: " + expected.agent() + " -> " + next.agent());
        }
        beforeWrite.accept(expected);
        writes.incrementAndGet();
        boolean replaced = statuses.replace(expected.agent(), expected, next);
        if (!replaced) {
            lostWrites.incrementAndGet();
        }
        return replaced;
    }
}
