package io.verbund.acd.portal.api;

import io.verbund.acd.tenant.TenantKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Where a tenant's "today" begins: midnight in the tenant's time zone, as the UTC wall time the
 * DATETIME columns hold. Every "today" figure counts from here.
 */
public final class TenantMidnight {

    private static final String ZONE = "SELECT time_zone FROM tenant WHERE tenant_key = ?";

    private TenantMidnight() {
    }

    /** Read on the caller's connection; a tenant without a zone counts in UTC. */
    public static LocalDateTime today(Connection db, TenantKey tenant, Clock clock) throws SQLException {
        ZoneId zone = ZoneOffset.UTC;
        try (PreparedStatement query = db.prepareStatement(ZONE)) {
            query.setString(1, tenant.value());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    zone = ZoneId.of(row.getString(1));
                }
            }
        }
        return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
