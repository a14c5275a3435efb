package io.verbund.acd.runtime.agent;

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

/** The tenant's pause reasons ({@code pause_reason}), as far as a person may choose them. */
@ApplicationScoped
public class JdbcPauseReasons {

    /** Codes are ascii_bin in the schema: {@code break} is not {@code BREAK}. */
    private static final String CHOOSABLE = "SELECT 1 FROM pause_reason p JOIN tenant t ON t.id = p.tenant_id"
            + " WHERE t.tenant_key = ? AND p.code = ? AND p.enabled AND NOT p.set_by_system";

    private final Datasources datasources;

    @Inject
    public JdbcPauseReasons(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected JdbcPauseReasons() {
        this.datasources = null;
    }

    /**
     * @throws UnknownPauseReason unless {@code code} is an enabled reason of the tenant that is not
     *                            reserved for the system
     */
    public void requireChoosable(TenantKey tenant, String code) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(CHOOSABLE)) {
            query.setString(1, tenant.value());
            query.setString(2, code);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownPauseReason(tenant, code);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the pause reason", e);
        }
    }
}
