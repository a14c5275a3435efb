package io.verbund.acd.stats.recalculation;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.service.ServiceIdentity;
import io.verbund.acd.statistics.GroupTargets;
import io.verbund.acd.statistics.Slices;
import io.verbund.acd.stats.access.StatsTenant;
import io.verbund.acd.stats.slice.AgentSlices;
import io.verbund.acd.stats.slice.CallSlices;
import io.verbund.acd.stats.slice.TenantSlice;
import io.verbund.acd.stats.slice.Utc;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Recomputes a tenant's slices for a period from the raw events, as a job with progress in
 * {@code stats_recalculation}: every call slice (its calls' visits computed again, then summed, so
 * the result is what the slice worker would have made) and every agent's state time. Runs on the
 * node that was asked, beside the slice worker (both replace whole slices from the same events, so
 * whichever writes last writes the same). A node that restarts marks the jobs it was running FAILED.
 */
@ApplicationScoped
public class Recalculations {

    private static final Logger LOG = Logger.getLogger(Recalculations.class);
    /** Progress is written every this many steps. */
    private static final int REPORT_EVERY = 8;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final Datasources datasources;
    private final ServiceIdentity identity;
    private final Clock clock;

    @Inject
    public Recalculations(Datasources datasources, ServiceIdentity identity, Clock clock) {
        this.datasources = datasources;
        this.identity = identity;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected Recalculations() {
        this.datasources = null;
        this.identity = null;
        this.clock = null;
    }

    void onStartup(@Observes Startup event) {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement update = master.prepareStatement("UPDATE stats_recalculation SET state = 'FAILED',"
                     + " failure = 'the node running it restarted; start it again', finished_at = NOW(3) WHERE node = ? AND state = 'RUNNING'")) {
            update.setString(1, identity.node());
            int failed = update.executeUpdate();
            if (failed > 0) {
                LOG.warnf("%d statistics recalculations were cut short by the restart of node %s", failed, identity.node());
            }
        } catch (SQLException e) {
            LOG.warnf("could not mark the recalculations cut short by the restart: %s", e.getMessage());
        }
    }

    /** Starts recomputing {@code from}–{@code to} (days in the tenant's zone, included). */
    public RecalculationDocument start(StatsTenant tenant, LocalDate from, LocalDate to, String by) {
        Instant start = from.atStartOfDay(tenant.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(tenant.zone()).toInstant();
        List<Instant> slices = new ArrayList<>();
        for (Instant slice = Slices.startOf(start); slice.isBefore(end); slice = slice.plus(Slices.LENGTH)) {
            slices.add(slice);
        }
        long id;
        List<Long> agents;
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
            agents = agents(master, tenant, end);
            try (PreparedStatement insert = master.prepareStatement("INSERT INTO stats_recalculation (tenant_id, from_date, to_date, state,"
                    + " slices_total, node, created_by) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, tenant.id());
                insert.setObject(2, from);
                insert.setObject(3, to);
                insert.setInt(4, slices.size() + agents.size());
                insert.setString(5, identity.node());
                insert.setString(6, by);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    id = key.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("starting the recalculation", e);
        }
        LOG.infof("tenant=%s recalculation %d of %s to %s started by %s: %d slices, %d agents", tenant.key().value(), id, from, to, by,
                slices.size(), agents.size());
        executor.execute(() -> run(id, tenant, slices, agents, start, end));
        return find(tenant, id).orElseThrow();
    }

    public Optional<RecalculationDocument> find(StatsTenant tenant, long id) {
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = master.prepareStatement("SELECT id, from_date, to_date, state, slices_total, slices_done, failure,"
                     + " created_by, created_at, finished_at FROM stats_recalculation WHERE tenant_id = ? AND id = ?")) {
            query.setLong(1, tenant.id());
            query.setLong(2, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecalculationDocument(row.getLong(1), row.getObject(2, LocalDate.class).toString(),
                        row.getObject(3, LocalDate.class).toString(), row.getString(4), row.getInt(5), row.getInt(6), row.getString(7),
                        row.getString(8), Utc.read(row, 9), Utc.read(row, 10)));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the recalculation", e);
        }
    }

    private void run(long id, StatsTenant tenant, List<Instant> slices, List<Long> agents, Instant start, Instant end) {
        int done = 0;
        try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection();
             Connection source = datasources.forRole(DatasourceRole.REPORTING).getConnection()) {
            Map<Long, GroupTargets> targets = CallSlices.targets(source);
            for (Instant slice : slices) {
                Instant now = clock.instant();
                CallSlices.refresh(source, master, callsOf(source, master, tenant, slice), targets, now);
                TenantSlice whole = new TenantSlice(tenant.id(), slice);
                CallSlices.inTransaction(master, () -> CallSlices.sum(master, whole));
                progress(master, id, ++done);
            }
            for (long agent : agents) {
                Instant now = clock.instant();
                Instant until = end.isBefore(now) ? end : now;
                CallSlices.inTransaction(master, () -> AgentSlices.recompute(source, master, tenant.id(), agent, Slices.startOf(start), until));
                progress(master, id, ++done);
            }
            finish(master, id, done, "DONE", null);
            LOG.infof("tenant=%s recalculation %d done: %d steps", tenant.key().value(), id, done);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "tenant=%s recalculation %d failed after %d steps", tenant.key().value(), id, done);
            try (Connection master = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
                finish(master, id, done, "FAILED", String.valueOf(e.getMessage()));
            } catch (SQLException again) {
                LOG.warnf("recalculation %d could not be marked FAILED: %s", id, again.getMessage());
            }
        }
    }

    /** The calls with a visit that began in the slice: from the events, and those the slice holds now (in case the events changed). */
    private static Set<String> callsOf(Connection source, Connection master, StatsTenant tenant, Instant slice) throws SQLException {
        Set<String> calls = new LinkedHashSet<>();
        try (PreparedStatement query = source.prepareStatement("SELECT DISTINCT call_id FROM call_event WHERE tenant_id = ?"
                + " AND type = 'CallQueued' AND occurred_at >= ? AND occurred_at < ?")) {
            query.setLong(1, tenant.id());
            query.setObject(2, Utc.of(slice));
            query.setObject(3, Utc.of(slice.plus(Slices.LENGTH)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    calls.add(rows.getString(1));
                }
            }
        }
        try (PreparedStatement query = master.prepareStatement("SELECT call_id FROM stats_visit WHERE tenant_id = ? AND slice_start = ?")) {
            query.setLong(1, tenant.id());
            query.setObject(2, Utc.of(slice));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    calls.add(rows.getString(1));
                }
            }
        }
        return calls;
    }

    /** Every agent of the tenant with a state change before the end: the state it was in may reach into the period. */
    private static List<Long> agents(Connection db, StatsTenant tenant, Instant end) throws SQLException {
        List<Long> agents = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT DISTINCT agent_id FROM agent_event WHERE tenant_id = ? AND occurred_at < ?")) {
            query.setLong(1, tenant.id());
            query.setObject(2, Utc.of(end));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    agents.add(rows.getLong(1));
                }
            }
        }
        return agents;
    }

    private static void progress(Connection master, long id, int done) throws SQLException {
        if (done % REPORT_EVERY != 0) {
            return;
        }
        try (PreparedStatement update = master.prepareStatement("UPDATE stats_recalculation SET slices_done = ? WHERE id = ?")) {
            update.setInt(1, done);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static void finish(Connection master, long id, int done, String state, String failure) throws SQLException {
        try (PreparedStatement update = master.prepareStatement("UPDATE stats_recalculation SET slices_done = ?, state = ?, failure = ?,"
                + " finished_at = NOW(3) WHERE id = ?")) {
            update.setInt(1, done);
            update.setString(2, state);
            update.setString(3, failure == null ? null : failure.length() > 1000 ? failure.substring(0, 1000) : failure);
            update.setLong(4, id);
            update.executeUpdate();
        }
    }
}
