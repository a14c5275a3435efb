package io.verbund.acd.persistence.schema;

import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the shared schema up to the newest migration in {@code db/migration}. Every service calls
 * {@link #migrate()} at start-up; Flyway serialises concurrent callers with a database lock
 * ({@code GET_LOCK} on MariaDB, taken per migration), so nodes starting together apply each
 * pending migration exactly once between them, and each returns only when none is left.
 *
 * <p>Validation runs before migrating (an edited, already applied migration stops the start), and
 * {@code clean} is disabled: no configuration mistake can make this class drop the tables.
 *
 * <p>Call it outside a JTA transaction (Flyway manages its own connections and commits).
 */
public final class SchemaMigration {

    /** Where the migrations live, inside this module's jar. */
    public static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private final DataSource dataSource;

    public SchemaMigration(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    /**
     * Applies every pending migration.
     *
     * @throws org.flywaydb.core.api.FlywayException when validation or a migration fails; the
     *         service must not start on a schema it does not know
     */
    public SchemaState migrate() {
        Flyway flyway = flyway();
        MigrateResult result = flyway.migrate();
        // Not result.targetSchemaVersion: Flyway locks per migration, so nodes starting together
        // share the work and each one's target is only the last migration *it* applied. When
        // migrate() returns, nothing is pending any more; the history table has the true version.
        SchemaState state = new SchemaState(result.migrationsExecuted, currentVersion(flyway));
        LOG.info(() -> "Schema of database " + result.database + " at version " + state.currentVersion()
                + "; " + state.appliedThisRun() + " migration(s) applied by this node");
        return state;
    }

    /** Reads the version in force without changing anything: for health checks. */
    public SchemaState current() {
        return new SchemaState(0, currentVersion(flyway()));
    }

    private Flyway flyway() {
        // This class's loader sees the migrations in a WAR's WEB-INF/lib as well as in tests.
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load();
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? SchemaState.NO_VERSION
                : current.getVersion().getVersion();
    }
}
