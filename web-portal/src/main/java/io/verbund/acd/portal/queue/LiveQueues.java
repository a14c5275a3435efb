package io.verbund.acd.portal.queue;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.portal.agent.LiveAgents;
import io.verbund.acd.portal.event.Audience;
import io.verbund.acd.portal.event.EventJournal;
import io.verbund.acd.portal.event.EventJson;
import io.verbund.acd.portal.group.GroupRoster;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.runtime.cache.CacheMirror;
import io.verbund.acd.runtime.concurrent.SerialExecutor;
import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.infinispan.Cache;

/**
 * The waiting callers of every ACD group as this node sees them (a mirror of the replicated
 * {@code queues} cache), summarised per group; publishes a {@code call} event when a caller enters
 * or leaves a queue and a {@code queue} event when a group's summary changes, including when one of
 * its agents changes state. Summaries are coalesced: at most one per group every
 * {@link #SUMMARY_INTERVAL}, with the state at that moment, because every member of a group
 * receives it and a large group's agents change state many times a second (a benchmark measured
 * the fan-out growing with the square of the group's size).
 */
@ApplicationScoped
public class LiveQueues {

    private static final Logger LOG = Logger.getLogger(LiveQueues.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/acd/queues")
    private Cache<String, String> cache;
    static final Duration SUMMARY_INTERVAL = Duration.ofMillis(250);

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    /**
     * Ids of the groups whose summary is due, with whether the change that made it due happened on
     * this node. By id: a group's record hashes all its members, thousands of them in a large group.
     */
    private final ConcurrentHashMap<Long, Boolean> due = new ConcurrentHashMap<>();

    private final EventJournal journal;
    private final GroupRoster roster;
    private final LiveAgents agents;
    private CacheMirror<QueueEntry> mirror;
    private SerialExecutor publisher;

    /** The body of a {@code call} event. */
    public record CallMoved(String callId, String event, long groupId, Instant at) {
    }

    @Inject
    public LiveQueues(EventJournal journal, GroupRoster roster, LiveAgents agents) {
        this.journal = journal;
        this.roster = roster;
        this.agents = agents;
    }

    /** For CDI's proxy only. */
    protected LiveQueues() {
        this.journal = null;
        this.roster = null;
        this.agents = null;
    }

    void start(@Observes Startup startup) {
        publisher = new SerialExecutor(executor);
        mirror = CacheMirror.of(cache, QueueEntry::decode, this::changed);
    }

    @PreDestroy
    void stop() {
        if (mirror != null) {
            mirror.close();
        }
    }

    public QueueSummary summary(GroupRoster.Group group) {
        List<QueueEntry> waiting = mirror.values().stream()
                .filter(entry -> entry.groupId() == group.id() && entry.tenant().equals(group.tenant())).toList();
        Instant longest = waiting.stream().map(QueueEntry::enteredAt).min(Instant::compareTo).orElse(null);
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            counts.put(state, 0);
        }
        for (String extension : group.members()) {
            AgentState state = agents.status(new AgentKey(group.tenant(), extension)).map(AgentStatus::state).orElse(AgentState.LOGGED_OUT);
            counts.merge(state, 1, Integer::sum);
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts.forEach((state, count) -> byName.put(state.name(), count));
        return new QueueSummary(group.id(), group.name(), group.strategy(), waiting.size(), longest, byName);
    }

    void agentChanged(@Observes LiveAgents.AgentChanged change) {
        AgentKey agent = change.status().agent();
        publisher.execute(() -> roster.groupsWithMember(agent).forEach(group -> publishSummary(group, change.local())));
    }

    private void changed(String key, QueueEntry before, QueueEntry after, boolean local) {
        if (before != null && after != null) {
            return;
        }
        QueueEntry entry = after != null ? after : before;
        String event = after != null ? "QUEUED" : "LEFT_QUEUE";
        Instant at = Instant.now();
        publisher.execute(() -> {
            TenantKey tenant = entry.tenant();
            journal.publish(tenant, "call", Audience.group(entry.groupId()), EventJson.of(new CallMoved(entry.callId(), event, entry.groupId(), at)),
                    local);
            roster.group(tenant, entry.groupId()).ifPresentOrElse(group -> publishSummary(group, local),
                    () -> LOG.fine(() -> "queue change in unknown group " + entry.groupId() + " of " + tenant));
        });
    }

    /** Marks the group's summary due; the first mark in an interval schedules its publication. */
    private void publishSummary(GroupRoster.Group group, boolean local) {
        Boolean before = due.putIfAbsent(group.id(), local);
        if (before == null) {
            scheduler.schedule(() -> publisher.execute(() -> flush(group)), SUMMARY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } else if (local && !before) {
            due.replace(group.id(), false, true);
        }
    }

    private void flush(GroupRoster.Group group) {
        Boolean local = due.remove(group.id());
        if (local != null) {
            journal.publish(group.tenant(), "queue", Audience.group(group.id()), EventJson.of(summary(group)), local);
        }
    }
}
