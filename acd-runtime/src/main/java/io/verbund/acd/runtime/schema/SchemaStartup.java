package io.verbund.acd.runtime.schema;

import io.verbund.acd.persistence.demo.DemoTenants;
import io.verbund.acd.persistence.schema.SchemaMigration;
import io.verbund.acd.persistence.schema.SchemaState;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Migrates the shared schema when the deployment starts and, in the demo, creates the demo
 * tenants once. Runs on a managed thread, not the deployment thread, so a database that is not
 * there yet does not fail the deployment: the attempt is repeated until it succeeds, and health
 * says DOWN meanwhile. Every WAR does this; Flyway's database lock makes concurrent starts safe.
 */
@ApplicationScoped
public class SchemaStartup {

    private static final Logger LOG = Logger.getLogger(SchemaStartup.class.getName());
    private static final long RETRY_SECONDS = 5;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private final Datasources datasources;
    private final boolean demo;
    private final Clock clock;
    private volatile SchemaStatus status;
    private volatile Future<?> attempt;

    @Inject
    public SchemaStartup(Datasources datasources,
                         @ConfigProperty(name = "verbund.demo", defaultValue = "false") boolean demo,
                         Clock clock) {
        this.datasources = datasources;
        this.demo = demo;
        this.clock = clock;
        this.status = SchemaStatus.pending(clock.instant());
    }

    /** For CDI's proxy only. */
    protected SchemaStartup() {
        this.datasources = null;
        this.demo = false;
        // No status: the proxy has no clock to read, and forwards status() to the real instance.
        this.clock = null;
    }

    void onStartup(@Observes Startup event) {
        attempt = scheduler.submit(this::bringUpToDate);
    }

    public SchemaStatus status() {
        return status;
    }

    private void bringUpToDate() {
        DataSource master = datasources.forRole(DatasourceRole.MASTER);
        try {
            SchemaState schema = new SchemaMigration(master).migrate();
            LOG.info(() -> "schema at version " + schema.currentVersion() + " (" + schema.appliedThisRun()
                    + " migrations applied now)");
            if (demo && DemoTenants.seedIfAbsent(master)) {
                LOG.info("demo tenants created");
            }
            status = SchemaStatus.ready(schema.currentVersion(), clock.instant());
        } catch (RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            status = SchemaStatus.retrying(problem, clock.instant());
            LOG.log(Level.WARNING, "schema start-up failed, retrying in " + RETRY_SECONDS + " s: " + problem);
            attempt = scheduler.schedule(this::bringUpToDate, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        Future<?> pending = attempt;
        if (pending != null) {
            pending.cancel(true);
        }
    }
}
