package io.verbund.acd.portal.queue;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.TenantMidnight;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Today's figures per ACD group, counted from the call records on the real-time replica (replica 1
 * in the cluster): "today" starts at midnight in the tenant's time zone. The service level is the
 * share of calls answered within the group's target among those answered or abandoned, short
 * abandons (callers who hung up before the group's short-abandon time) left out, the usual 80/20
 * definition.
 */
@ApplicationScoped
public class TodayFigures {

    /**
     * One group's day so far.
     *
     * @param serviceLevelPercent null while no call counts for it
     */
    public record Today(int offered, int answered, int abandoned, int answeredWithinTarget, Double serviceLevelPercent,
                        int targetSeconds, int targetPercent) {
    }

    private static final String FIGURES = "SELECT r.group_id, COUNT(*),"
            + " SUM(r.outcome = 'ANSWERED'),"
            + " SUM(r.outcome = 'ABANDONED' AND TIMESTAMPDIFF(SECOND, r.queued_at, r.ended_at) >= g.short_abandon_seconds),"
            + " SUM(r.outcome = 'ANSWERED' AND TIMESTAMPDIFF(MICROSECOND, r.queued_at, r.answered_at) <= g.service_level_seconds * 1000000),"
            + " g.service_level_seconds, g.service_level_target_percent"
            + " FROM call_record r JOIN acd_group g ON g.id = r.group_id"
            + " WHERE r.tenant_id = ? AND r.queued_at >= ? GROUP BY r.group_id, g.service_level_seconds, g.service_level_target_percent";

    private final Datasources datasources;
    private final Clock clock;

    @Inject
    public TodayFigures(Datasources datasources, Clock clock) {
        this.datasources = datasources;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected TodayFigures() {
        this.datasources = null;
        this.clock = null;
    }

    /** By group id; groups without a call today are missing. */
    public Map<Long, Today> of(AddressedTenant tenant) {
        try (Connection db = datasources.forRole(DatasourceRole.REALTIME).getConnection()) {
            LocalDateTime midnight = TenantMidnight.today(db, tenant.key(), clock);
            Map<Long, Today> figures = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement(FIGURES)) {
                query.setLong(1, tenant.idValue());
                query.setObject(2, midnight);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        figures.put(rows.getLong(1), today(rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5),
                                rows.getInt(6), rows.getInt(7)));
                    }
                }
            }
            return figures;
        } catch (SQLException e) {
            throw new DatabaseUnavailable("counting today's calls", e);
        }
    }

    static Today today(int offered, int answered, int abandoned, int within, int targetSeconds, int targetPercent) {
        int counted = answered + abandoned;
        Double level = counted == 0 ? null : Math.round(1000.0 * within / counted) / 10.0;
        return new Today(offered, answered, abandoned, within, level, targetSeconds, targetPercent);
    }
}
