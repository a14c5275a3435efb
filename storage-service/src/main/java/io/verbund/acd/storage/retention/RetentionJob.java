package io.verbund.acd.storage.retention;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.service.ServiceIdentity;
import io.verbund.acd.storage.StorageSettings;
import io.verbund.acd.storage.file.AtomicWrite;
import io.verbund.acd.storage.file.FileStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The retention sweep as one cluster-wide job. Every node looks every few minutes; the one that
 * gets the database's named lock {@value #LOCK} (MariaDB {@code GET_LOCK}, held on one connection
 * for the whole sweep and released by the server if that node dies) runs it, and only when the
 * last run recorded on the shared root is older than the configured interval. So at most one node
 * sweeps at a time, and a node that fails mid-sweep is replaced by the next one that looks.
 * The last run is kept as JSON in {@code <root>/.verbund/retention-last-run.json}, so any node can
 * answer for it. Chosen over a WildFly singleton service: it needs no MSC service activator in the
 * WAR and it elects per run rather than per cluster view, which also covers a split cluster.
 */
@ApplicationScoped
public class RetentionJob {

    static final String LOCK = "verbund_storage_retention";
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final long LOOK_EVERY_SECONDS = 300;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final StorageSettings settings;
    private final FileStore store;
    private final Datasources datasources;
    private final ServiceIdentity identity;
    private final Clock clock;
    private volatile ScheduledFuture<?> looking;

    /** The sweep ran elsewhere at the same moment; nothing was done here. */
    public static final class HeldElsewhere extends Exception {
        HeldElsewhere() {
            super("the retention sweep runs on another node right now", null, false, false);
        }
    }

    @Inject
    public RetentionJob(StorageSettings settings, FileStore store, Datasources datasources, ServiceIdentity identity, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.datasources = datasources;
        this.identity = identity;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected RetentionJob() {
        this.settings = null;
        this.store = null;
        this.datasources = null;
        this.identity = null;
        this.clock = null;
    }

    void onStartup(@Observes Startup event) {
        looking = scheduler.scheduleWithFixedDelay(this::runIfDue, 60, LOOK_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (looking != null) {
            looking.cancel(false);
        }
    }

    void runIfDue() {
        try {
            Optional<RetentionReport> last = lastRun();
            Duration interval = settings.retentionInterval();
            if (last.isPresent() && last.get().started().plus(interval).isAfter(clock.instant())) {
                return;
            }
            runNow();
        } catch (HeldElsewhere elsewhere) {
            LOG.debug("retention sweep skipped: another node runs it");
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warnf(e, "retention sweep failed on node %s; the next look retries", identity.node());
        }
    }

    /**
     * Sweeps now, if no other node does.
     *
     * @throws HeldElsewhere when another node holds the lock
     */
    public RetentionReport runNow() throws HeldElsewhere, IOException, SQLException {
        try (Connection connection = datasources.forRole(DatasourceRole.MASTER).getConnection()) {
            if (!lock(connection)) {
                throw new HeldElsewhere();
            }
            try {
                LOG.infof("retention sweep starts on node %s", identity.node());
                RetentionReport report = new RetentionSweep(store, clock, settings::retention).run(identity.node());
                remember(report);
                LOG.infof("retention sweep on node %s removed %d files (%d bytes) and %d stale temporary files",
                        report.node(), report.files(), report.bytes(), report.staleTempFiles());
                return report;
            } finally {
                unlock(connection);
            }
        }
    }

    public Optional<RetentionReport> lastRun() throws IOException {
        try {
            String text = Files.readString(lastRunFile(), StandardCharsets.UTF_8);
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return Optional.of(RetentionReport.fromJson(reader.readObject()));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void remember(RetentionReport report) throws IOException {
        Path file = lastRunFile();
        try (AtomicWrite write = AtomicWrite.in(file.getParent())) {
            write.write(report.toJson().toString().getBytes(StandardCharsets.UTF_8));
            write.commit(file, true, FileTime.from(clock.instant()));
        }
    }

    private Path lastRunFile() {
        return store.root().resolve(".verbund").resolve("retention-last-run.json");
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, LOCK);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getInt(1) == 1;
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, LOCK);
            statement.executeQuery().close();
        } catch (SQLException e) {
            LOG.warnf("could not release %s; the database frees it with the connection", LOCK);
        }
    }
}
