package io.verbund.acd.stats.slice;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.service.ServiceIdentity;
import io.verbund.acd.statistics.GroupTargets;
import io.verbund.acd.statistics.Slices;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps the 15-minute slices up to date from the raw events, on exactly one node of the cluster:
 * every node looks every {@value #EVERY_SECONDS} s, the one holding the {@link SliceLease} does a
 * pass, and a survivor takes the lease over once its holder stops renewing it. A pass reads what
 * reached the database since the last one (call events, call records — a disposition changes only
 * the record —, the ends of wrap-ups, agent events) from the reporting replica, so the master only
 * takes the writes, and replaces the visits and slices concerned on the master. It reads again the
 * last {@link #OVERLAP} before the watermark: a transaction that committed late with an earlier
 * {@code recorded_at} is not missed, and reading a change twice is harmless (every write replaces).
 */
@ApplicationScoped
public class SliceWorker {

    private static final Logger LOG = Logger.getLogger(SliceWorker.class);
    static final long EVERY_SECONDS = 5;
    /**
     * The lease is renewed at every look, the slices brought up to date this often: a pass costs
     * what changed since the last one, and fewer passes read each busy call fewer times while it goes on.
     */
    static final Duration PASS_EVERY = Duration.ofSeconds(15);
    static final Duration OVERLAP = Duration.ofSeconds(2);
    /** At most this many changed rows per source and pass, so a backlog is worked off in bounded passes. */
    private static final int MOST_CHANGES = 20_000;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final Datasources datasources;
    private final ServiceIdentity identity;
    private final Clock clock;
    private final AtomicLong passes = new AtomicLong();
    private volatile boolean holding;
    private volatile ScheduledFuture<?> looking;
    /** The slice the open agents were last brought up to. */
    private volatile Instant openAgentsSlice = Instant.EPOCH;
    private volatile Instant lastPass = Instant.EPOCH;

    @Inject
    public SliceWorker(Datasources datasources, ServiceIdentity identity, Clock clock) {
        this.datasources = datasources;
        this.identity = identity;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected SliceWorker() {
        this.datasources = null;
        this.identity = null;
        this.clock = null;
    }

    void onStartup(@Observes Startup event) {
        looking = scheduler.scheduleWithFixedDelay(this::look, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (looking != null) {
            looking.cancel(false);
        }
        if (holding) {
            try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
                SliceLease.release(master, identity.node());
            } catch (SQLException e) {
                LOG.infof("the slice lease of node %s was not given up (%s); it runs out by itself", identity.node(), e.getMessage());
            }
        }
    }

    /** Whether this node kept the slices at its last look. */
    public boolean holding() {
        return holding;
    }

    /** Passes this node has done. */
    public long passes() {
        return passes.get();
    }

    void look() {
        try {
            pass();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("slice pass on node %s failed, the next one retries: %s", identity.node(), e.getMessage());
        }
    }

    private void pass() throws SQLException {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             Connection source = datasources.forRole(DatasourceRole.REPORTING).getConnection()) {
            boolean held = SliceLease.hold(master, identity.node());
            if (held != holding) {
                LOG.infof(held ? "node %s keeps the statistics slices now" : "node %s no longer keeps the statistics slices", identity.node());
                holding = held;
            }
            if (!held) {
                return;
            }
            Instant now = clock.instant();
            if (now.isBefore(lastPass.plus(PASS_EVERY))) {
                return;
            }
            lastPass = now;
            SliceLease.Watermarks from = SliceLease.watermarks(master);
            Instant sourceNow = databaseNow(source);
            Map<Long, GroupTargets> targets = CallSlices.targets(source);

            Changes calls = changedCalls(source, from.calls().minus(OVERLAP), sourceNow);
            Set<TenantSlice> summed = CallSlices.refresh(source, master, calls.callIds, targets, now);

            boolean newSlice = !Slices.startOf(now).equals(openAgentsSlice);
            Changes agents = changedAgents(source, from.agents().minus(OVERLAP), sourceNow, now, newSlice);
            for (Map.Entry<TenantAgent, Instant> agent : agents.agentsFrom.entrySet()) {
                AgentSlices.recompute(source, master, agent.getKey().tenantId, agent.getKey().agentId, agent.getValue(), now);
            }
            SliceLease.advance(master, identity.node(), new SliceLease.Watermarks(calls.upTo, agents.upTo));
            if (newSlice) {
                openAgentsSlice = Slices.startOf(now);
            }
            passes.incrementAndGet();
            if (!calls.callIds.isEmpty()) {
                LOG.debugf("slice pass: %d calls changed, %d slices summed, %d agents", calls.callIds.size(), summed.size(),
                        agents.agentsFrom.size());
            }
        }
    }

    private record TenantAgent(long tenantId, long agentId) {
    }

    /** What changed in a window of {@code recorded_at}, and how far the window could be read. */
    private static final class Changes {
        final Set<String> callIds = new LinkedHashSet<>();
        final Map<TenantAgent, Instant> agentsFrom = new HashMap<>();
        Instant upTo;
    }

    private static Changes changedCalls(Connection source, Instant after, Instant upTo) throws SQLException {
        Changes changes = new Changes();
        changes.upTo = upTo;
        changes.upTo = collect(source, "SELECT call_id, recorded_at FROM call_event WHERE recorded_at > ? AND recorded_at <= ?"
                + " ORDER BY recorded_at LIMIT " + MOST_CHANGES, after, changes.upTo, changes.callIds);
        changes.upTo = collect(source, "SELECT call_id, updated_at FROM call_record WHERE updated_at > ? AND updated_at <= ?"
                + " ORDER BY updated_at LIMIT " + MOST_CHANGES, after, changes.upTo, changes.callIds);
        // A wrap-up's length is known when the agent's next state that is not WRAP_UP arrives.
        collect(source, "SELECT w.call_id, e.recorded_at FROM agent_event e JOIN agent_event w ON w.agent_id = e.agent_id"
                + " AND w.seq = (SELECT p.seq FROM agent_event p WHERE p.agent_id = e.agent_id AND p.seq < e.seq ORDER BY p.seq DESC LIMIT 1)"
                + " WHERE e.recorded_at > ? AND e.recorded_at <= ? AND e.state <> 'WRAP_UP' AND w.state = 'WRAP_UP'"
                + " AND w.call_id IS NOT NULL ORDER BY e.recorded_at LIMIT " + MOST_CHANGES, after, changes.upTo, changes.callIds);
        return changes;
    }

    /**
     * Reads call ids changed in ({@code after}, {@code upTo}]; when there are more than a pass takes,
     * the window ends at the last one read, so the rest comes next pass.
     */
    private static Instant collect(Connection source, String sql, Instant after, Instant upTo, Set<String> callIds) throws SQLException {
        try (PreparedStatement query = source.prepareStatement(sql)) {
            query.setObject(1, Utc.of(after));
            query.setObject(2, Utc.of(upTo));
            int rows = 0;
            Instant last = upTo;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    callIds.add(row.getString(1));
                    last = Utc.read(row, 2);
                    rows++;
                }
            }
            return rows == MOST_CHANGES ? last : upTo;
        }
    }

    /**
     * Agents with new events, from the slice of their earliest one; and, once a slice has begun,
     * every agent not logged out, from the slice before (so the slice just ended holds the time
     * spent in a state that has not changed since). The current slice of an agent without news is
     * brought up to date when its state changes or the next slice begins.
     */
    private static Changes changedAgents(Connection source, Instant after, Instant upTo, Instant now, boolean newSlice) throws SQLException {
        Changes changes = new Changes();
        changes.upTo = upTo;
        try (PreparedStatement query = source.prepareStatement("SELECT tenant_id, agent_id, MIN(occurred_at), MAX(recorded_at)"
                + " FROM agent_event WHERE recorded_at > ? AND recorded_at <= ? GROUP BY tenant_id, agent_id")) {
            query.setObject(1, Utc.of(after));
            query.setObject(2, Utc.of(upTo));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.agentsFrom.merge(new TenantAgent(rows.getLong(1), rows.getLong(2)), Slices.startOf(Utc.read(rows, 3)),
                            (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        if (!newSlice) {
            return changes;
        }
        Instant recent = Slices.startOf(now).minus(Slices.LENGTH);
        // Each agent's last event, one index look-up per agent: a MAX over the whole table read every event ever recorded.
        try (PreparedStatement query = source.prepareStatement("SELECT a.tenant_id, a.id FROM agent a"
                + " WHERE (SELECT e.state FROM agent_event e WHERE e.agent_id = a.id ORDER BY e.seq DESC LIMIT 1) <> 'LOGGED_OUT'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                changes.agentsFrom.merge(new TenantAgent(rows.getLong(1), rows.getLong(2)), recent, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return changes;
    }

    private static Instant databaseNow(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT NOW(3)"); ResultSet row = query.executeQuery()) {
            row.next();
            return Utc.read(row, 1);
        }
    }
}
