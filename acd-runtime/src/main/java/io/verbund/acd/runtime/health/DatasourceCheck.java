package io.verbund.acd.runtime.health;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reaches the database behind one role and says which server answered: in the cluster that shows
 * which master takes the writes and whether a replica is read-only, as it must be.
 */
@ApplicationScoped
public class DatasourceCheck {

    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final Datasources datasources;

    @Inject
    public DatasourceCheck(Datasources datasources) {
        this.datasources = datasources;
    }

    protected DatasourceCheck() {
        this.datasources = null;
    }

    public Check check(DatasourceRole role) {
        JsonObjectBuilder details = Json.createObjectBuilder().add("datasource", role.datasourceName());
        long started = System.nanoTime();
        try (Connection connection = datasources.forRole(role).getConnection()) {
            if (!connection.isValid(VALID_TIMEOUT_SECONDS)) {
                return Check.down(details.add("problem", "connection not valid within " + VALID_TIMEOUT_SECONDS + " s"));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet server = statement.executeQuery("SELECT @@server_id, @@port, @@read_only, DATABASE()")) {
                server.next();
                details.add("serverId", server.getLong(1))
                        .add("port", server.getInt(2))
                        .add("readOnly", server.getBoolean(3))
                        .add("database", server.getString(4));
            }
            return Check.up(details.add("millis", (System.nanoTime() - started) / 1_000_000));
        } catch (SQLException | RuntimeException e) {
            return Check.down(details.add("problem", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }
}
