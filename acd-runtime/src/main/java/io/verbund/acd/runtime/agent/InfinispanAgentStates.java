package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.AgentStatusCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * The live status of every agent of every tenant, in the cluster-wide {@code agents} cache: key
 * {@link AgentKey#toString()} ({@code demo/1001}), value {@link AgentStatusCodec#encode}. An agent
 * without an entry is logged out; the demo starts so.
 *
 * <p>Invariant: a status is only ever replaced by a transition of the status it replaces. Every
 * change reads the entry, computes the next status, and stores it with {@code putIfAbsent} or
 * {@code replace(key, old, new)}, atomic across the cluster; when another node won in between, the
 * transition is computed again from what that node stored, up to {@value #MAX_ATTEMPTS} times.
 * That is what keeps two nodes from reserving one agent for two calls.
 *
 * <p>Times are taken to the millisecond, as the cache layout keeps them, so a status returned by
 * {@link #apply} equals the one read back later.
 *
 * <p>Takes the cache as a {@link ConcurrentMap} (an Infinispan {@code Cache} is one) so the
 * compare-and-set logic runs in unit tests on a plain map.
 */
public class InfinispanAgentStates {

    /** Conflicting writes in a row after which a change gives up. */
    public static final int MAX_ATTEMPTS = 5;

    private final ConcurrentMap<String, String> agents;
    private final Clock clock;

    public InfinispanAgentStates(ConcurrentMap<String, String> agents, Clock clock) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored status, empty for an agent that has never been changed since the cache started. */
    public Optional<AgentStatus> find(AgentKey agent) {
        return Optional.ofNullable(agents.get(agent.toString())).map(stored -> decode(agent, stored));
    }

    /** The stored status, or logged out since now for an agent without an entry. */
    public AgentStatus current(AgentKey agent) {
        return find(agent).orElseGet(() -> AgentStatus.loggedOut(agent, now()));
    }

    /**
     * Applies one transition by compare-and-set.
     *
     * @return the status found and the one stored; nothing is written when the transition returned
     *         the status it was given
     * @throws io.verbund.acd.agent.IllegalAgentTransition when the current status does not allow it
     * @throws AgentStateConflict when other writers won {@value #MAX_ATTEMPTS} times in a row
     */
    public AgentStateChange apply(AgentKey agent, AgentTransition transition) {
        String key = agent.toString();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = now();
            String stored = agents.get(key);
            AgentStatus before = stored == null ? AgentStatus.loggedOut(agent, now) : decode(agent, stored);
            AgentStatus after = transition.applyTo(before, now);
            if (!after.agent().equals(agent)) {
                throw new IllegalArgumentException("a transition of " + agent + " returned a status of " + after.agent());
            }
            if (after.equals(before)) {
                return new AgentStateChange(before, before);
            }
            String encoded = AgentStatusCodec.encode(after);
            boolean written = stored == null ? agents.putIfAbsent(key, encoded) == null : agents.replace(key, stored, encoded);
            if (written) {
                return new AgentStateChange(before, after);
            }
        }
        throw AgentStateConflict.contended(agent, MAX_ATTEMPTS);
    }

    /**
     * Replaces exactly {@code expected} with {@code next}: false when the agent's status is any other
     * (another node reserved the agent first). The distributor reserves agents with it, from the
     * status it saw, so one agent never gets two offers.
     */
    public boolean compareAndSet(AgentStatus expected, AgentStatus next) {
        return agents.replace(expected.agent().toString(), AgentStatusCodec.encode(expected), AgentStatusCodec.encode(next));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static AgentStatus decode(AgentKey agent, String stored) {
        AgentStatus status = AgentStatusCodec.decode(stored);
        if (!status.agent().equals(agent)) {
            throw new IllegalStateException("the cache entry of " + agent + " holds the status of " + status.agent());
        }
        return status;
    }
}
