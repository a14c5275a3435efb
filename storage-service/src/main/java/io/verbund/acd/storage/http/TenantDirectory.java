package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.cache.TimedCache;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/** Whether a tenant exists, from the database, remembered for a minute. */
@ApplicationScoped
public class TenantDirectory {

    private final Datasources datasources;
    private final TimedCache<String, Boolean> known;

    @Inject
    public TenantDirectory(Datasources datasources, Clock clock) {
        this.datasources = datasources;
        this.known = new TimedCache<>(Duration.ofMinutes(1), 10_000, clock);
    }

    /** For CDI's proxy only. */
    protected TenantDirectory() {
        this.datasources = null;
        this.known = null;
    }

    public boolean exists(TenantKey tenant) {
        return known.get(tenant.value(), this::lookUp);
    }

    private boolean lookUp(String key) {
        try (Connection connection = datasources.forRole(DatasourceRole.REALTIME).getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM tenant WHERE tenant_key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("checking the tenant", e);
        }
    }
}
