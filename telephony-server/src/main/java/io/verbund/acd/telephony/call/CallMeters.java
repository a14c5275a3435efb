package io.verbund.acd.telephony.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The call path's meters in WildFly's Micrometer registry (published in Prometheus format, see
 * docs/operations.md): calls offered to, answered from and abandoned in each group's queue, the
 * queue's length and longest wait, agents by state, and the distributor's pass time.
 *
 * <p>The call path only increments counters it already holds: a group's counters are created once,
 * when its first caller queues on this node, and kept on the call ({@link AcdCall#counters}). Gauges
 * are computed when Prometheus scrapes, from this node's mirrors of the shared caches, at most once
 * a second however many series read them. Labels are tenant, group id and agent state only, so the
 * number of series stays bounded by the configuration, never by calls or agents.
 */
@ApplicationScoped
public class CallMeters {

    /** How long one look at the queue or the agents serves the gauges of a scrape. */
    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final QueueStore queue;
    private final AgentStates agents;
    private final Clock clock;
    private final Set<String> thisNode;
    private final Map<Long, GroupCounters> groups = new ConcurrentHashMap<>();
    private final Map<TenantKey, TenantAgents> tenants = new ConcurrentHashMap<>();
    private final Timer passes;
    private volatile Snapshot<Map<Long, Waiting>> waiting;
    private volatile Snapshot<Map<TenantKey, int[]>> agentCounts;

    @Inject
    public CallMeters(MeterRegistry registry, QueueStore queue, AgentStates agents, Clock clock,
                      @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.registry = registry;
        this.queue = queue;
        this.agents = agents;
        this.clock = clock;
        this.thisNode = node == null ? Set.of() : Set.of(node);
        this.passes = registry == null ? null : registry.timer("verbund.distributor.pass", Tags.empty());
    }

    /** For CDI's proxy only. */
    protected CallMeters() {
        this(null, null, null, null, null);
    }

    /** Agents-by-state gauges for every tenant the agent cache knows now, and for each one it learns of later. */
    void start(@Observes Startup startup) {
        agents.all().forEach(status -> knowTenant(status.agent().tenant()));
        agents.watch((key, before, after, local) -> {
            if (after != null && !tenants.containsKey(after.agent().tenant())) {
                knowTenant(after.agent().tenant());
            }
        });
    }

    /** The counters of the call's group (the one it queues in now), created with the group's gauges the first time. */
    GroupCounters countersOf(GroupSettings group) {
        GroupCounters counters = groups.get(group.id());
        return counters != null ? counters : groups.computeIfAbsent(group.id(), id -> register(group));
    }

    /** Times the distributor's passes. */
    Timer distributorPasses() {
        return passes;
    }

    private GroupCounters register(GroupSettings group) {
        knowTenant(group.tenant());
        Tags tags = Tags.of("tenant", group.tenant().value(), "group", Long.toString(group.id()));
        GroupCounters counters = new GroupCounters(group.id(), registry.counter("verbund.calls.offered", tags),
                registry.counter("verbund.calls.answered", tags), registry.counter("verbund.calls.abandoned", tags));
        // The registry holds gauge state weakly: the counters object lives as long as this bean.
        registry.gauge("verbund.queue.waiting", tags, counters, this::waitingIn);
        registry.gauge("verbund.queue.longest.wait.seconds", tags, counters, this::longestWaitIn);
        return counters;
    }

    private void knowTenant(TenantKey tenant) {
        tenants.computeIfAbsent(tenant, key -> {
            TenantAgents counts = new TenantAgents(key);
            for (AgentState state : AgentState.values()) {
                registry.gauge("verbund.agents", Tags.of("tenant", key.value(), "state", state.name()), counts,
                        tenantAgents -> agentsIn(tenantAgents.tenant, state));
            }
            return counts;
        });
    }

    private double waitingIn(GroupCounters group) {
        Waiting figures = waiting().get(group.groupId);
        return figures == null ? 0 : figures.callers;
    }

    private double longestWaitIn(GroupCounters group) {
        Waiting figures = waiting().get(group.groupId);
        if (figures == null) {
            return 0;
        }
        Duration longest = Duration.between(figures.oldest, clock.instant());
        return longest.isNegative() ? 0 : longest.toMillis() / 1000.0;
    }

    private double agentsIn(TenantKey tenant, AgentState state) {
        int[] counts = agentCounts().get(tenant);
        return counts == null ? 0 : counts[state.ordinal()];
    }

    /** Callers waiting on this node per group, with the longest waiting one's entry time. */
    private Map<Long, Waiting> waiting() {
        Instant now = clock.instant();
        Snapshot<Map<Long, Waiting>> last = waiting;
        if (last != null && last.isFresh(now)) {
            return last.value;
        }
        Map<Long, Waiting> byGroup = new HashMap<>();
        for (QueueEntry entry : queue.heldBy(thisNode)) {
            byGroup.merge(entry.groupId(), new Waiting(1, entry.enteredAt()), Waiting::plus);
        }
        waiting = new Snapshot<>(byGroup, now);
        return byGroup;
    }

    /** Agents per tenant and state, as this node's mirror of the agent cache has them (the whole cluster's). */
    private Map<TenantKey, int[]> agentCounts() {
        Instant now = clock.instant();
        Snapshot<Map<TenantKey, int[]>> last = agentCounts;
        if (last != null && last.isFresh(now)) {
            return last.value;
        }
        Map<TenantKey, int[]> byTenant = new HashMap<>();
        for (AgentStatus status : agents.all()) {
            byTenant.computeIfAbsent(status.agent().tenant(), tenant -> new int[AgentState.values().length])[status.state().ordinal()]++;
        }
        agentCounts = new Snapshot<>(byTenant, now);
        return byTenant;
    }

    /** A group's call counters, held by the calls that queue in it. */
    static final class GroupCounters {

        private final long groupId;
        private final Counter offered;
        private final Counter answered;
        private final Counter abandoned;

        GroupCounters(long groupId, Counter offered, Counter answered, Counter abandoned) {
            this.groupId = groupId;
            this.offered = offered;
            this.answered = answered;
            this.abandoned = abandoned;
        }

        /** A caller entered the group's queue. */
        void offered() {
            offered.increment();
        }

        /** An agent answered a caller of the group. */
        void answered() {
            answered.increment();
        }

        /** A caller of the group hung up before an agent answered, waiting or while phones rang. */
        void abandoned() {
            abandoned.increment();
        }
    }

    /** The gauge state of a tenant's agent series; the registry holds it weakly, this bean strongly. */
    private record TenantAgents(TenantKey tenant) {
    }

    private record Waiting(int callers, Instant oldest) {

        Waiting plus(Waiting other) {
            return new Waiting(callers + other.callers, oldest.isBefore(other.oldest) ? oldest : other.oldest);
        }
    }

    private record Snapshot<T>(T value, Instant takenAt) {

        boolean isFresh(Instant now) {
            return now.isBefore(takenAt.plus(SNAPSHOT_AGE));
        }
    }
}
