package io.verbund.acd.runtime.alarm;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches which database server takes this service's writes. haproxy moves the writes from master1
 * to master2 when master1 fails and, by design, never moves them back by itself (a master that was
 * down may have missed writes): so the moment writes land on a server other than the configured
 * primary is an alarm an operator must see, and it stays raised until the documented manual
 * failback has put the writes back on the primary.
 */
@ApplicationScoped
public class MasterFailoverWatch {

    static final String CODE = "DB_MASTER_FAILED_OVER";
    private static final Logger LOG = Logger.getLogger(MasterFailoverWatch.class);
    private static final long PERIOD_SECONDS = 2;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final Datasources datasources;
    private final OptionalLong primaryServerId;
    private final Clock clock;
    private volatile Optional<Alarm> alarm = Optional.empty();
    private volatile ScheduledFuture<?> polling;

    @Inject
    public MasterFailoverWatch(Datasources datasources,
                               @ConfigProperty(name = "verbund.db.master.primary-server-id") Optional<Long> primaryServerId,
                               Clock clock) {
        this.datasources = datasources;
        this.primaryServerId = primaryServerId.map(OptionalLong::of).orElse(OptionalLong.empty());
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected MasterFailoverWatch() {
        this.datasources = null;
        this.primaryServerId = OptionalLong.empty();
        this.clock = null;
    }

    void onStartup(@Observes Startup event) {
        if (primaryServerId.isPresent()) {
            polling = scheduler.scheduleWithFixedDelay(this::look, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** The alarm while writes go to a server other than the primary. */
    public Optional<Alarm> current() {
        return alarm;
    }

    void look() {
        try (Connection connection = datasources.forRole(DatasourceRole.MASTER).getConnection();
             Statement statement = connection.createStatement();
             ResultSet server = statement.executeQuery("SELECT @@server_id")) {
            server.next();
            observe(server.getLong(1));
        } catch (SQLException | RuntimeException e) {
            // No master reachable at all is the datasource health's business (DOWN), not this alarm's.
            LOG.debugf("master not reachable for the failover watch: %s", e.getMessage());
        }
    }

    synchronized void observe(long activeServerId) {
        long primary = primaryServerId.orElseThrow();
        if (activeServerId != primary && alarm.isEmpty()) {
            Alarm raised = new Alarm(CODE, "CRITICAL",
                    "Database writes failed over from the primary master (server_id " + primary + ") to server_id "
                            + activeServerId + ". They stay there (no automatic failback): check replication, then run"
                            + " ./verbund failback (docs/operations.md).",
                    clock.instant(), Json.createObjectBuilder().add("primaryServerId", primary)
                    .add("activeServerId", activeServerId).build());
            alarm = Optional.of(raised);
            LOG.error("ALARM " + CODE + ": " + raised.message());
        } else if (activeServerId == primary && alarm.isPresent()) {
            alarm = Optional.empty();
            LOG.warn("alarm " + CODE + " cleared: database writes are back on the primary master (server_id " + primary + ")");
        }
    }
}
