package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoHome;
import io.verbund.acd.launcher.MariaDbServer;
import io.verbund.acd.launcher.NodePorts;
import io.verbund.acd.persistence.demo.DemoTenants;
import io.verbund.acd.persistence.schema.SchemaMigration;
import io.verbund.acd.persistence.schema.SchemaState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/** The schema on a real, empty MariaDB: migrations apply, apply only once, and demo data is seeded once. */
class SchemaMigrationIT {

    @TempDir
    static Path home;

    private static MariaDbServer database;
    private static MariaDbDataSource dataSource;

    @BeforeAll
    static void startEmptyDatabase() throws SQLException {
        database = new MariaDbServer(TestNodes.installation(), new DemoHome(home), NodePorts.firstFree(3716), System.out);
        database.start();
        dataSource = new MariaDbDataSource(database.jdbcUrl());
        dataSource.setUser(MariaDbServer.USER);
        dataSource.setPassword(database.password());
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void migratesFromEmptyOnceAndThenHasNothingLeftToApply() throws SQLException {
        SchemaMigration migration = new SchemaMigration(dataSource);

        SchemaState first = migration.migrate();
        SchemaState second = migration.migrate();

        assertThat(second.appliedThisRun()).isZero();
        assertThat(second.currentVersion()).isEqualTo(first.currentVersion()).isNotEqualTo(SchemaState.NO_VERSION);
        assertThat(migration.current().currentVersion()).isEqualTo(first.currentVersion());
        assertThat(tables()).contains("tenant", "app_user", "user_role", "agent", "skill", "agent_skill",
                "acd_group", "group_membership", "service_number", "call_flow", "call_flow_version",
                "opening_hours", "holiday", "pause_reason", "disposition", "call_record", "call_event",
                "agent_event", "flyway_schema_history");
    }

    @Test
    void seedsTheDemoTenantsOnceAndKeepsThemOnLaterStarts() throws SQLException {
        new SchemaMigration(dataSource).migrate();
        DemoTenants.seedIfAbsent(dataSource);
        long users = count("SELECT COUNT(*) FROM app_user");
        long flows = count("SELECT COUNT(*) FROM call_flow_version");

        boolean seededAgain = DemoTenants.seedIfAbsent(dataSource);

        assertThat(seededAgain).isFalse();
        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(users).isEqualTo(16);
        assertThat(count("SELECT COUNT(*) FROM call_flow_version")).isEqualTo(flows);
        assertThat(count("SELECT COUNT(*) FROM call_flow_version WHERE NOT JSON_VALID(graph)")).isZero();
    }

    private static List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = database.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SHOW TABLES")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = database.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
