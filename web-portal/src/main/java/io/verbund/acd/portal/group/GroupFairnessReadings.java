package io.verbund.acd.portal.group;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.routing.GroupFairness;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's fairness over a period, from the offers its calls' events record (each with how long
 * the agent had been free). Read from the real-time replica, as statistics are: the master only
 * writes them.
 */
@ApplicationScoped
public class GroupFairnessReadings {

    /** A period longer than this is a report (issue 15's stats-service), not a look at routing. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(31);

    private static final String OFFERS = "SELECT a.extension, JSON_VALUE(e.detail, '$.idleSeconds') FROM call_event e"
            + " JOIN agent a ON a.id = e.agent_id WHERE e.tenant_id = ? AND e.group_id = ? AND e.type = 'CallOffered'"
            + " AND e.occurred_at >= ? AND e.occurred_at < ?";

    private final Datasources datasources;

    @Inject
    public GroupFairnessReadings(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected GroupFairnessReadings() {
        this.datasources = null;
    }

    /** The fairness of the group's offers in [from, to) among these member extensions. */
    public GroupFairness of(AddressedTenant tenant, long groupId, List<String> members, Instant from, Instant to) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!from.isBefore(to)) {
            problems.add(new FieldProblem("from", PortalWords.text("period.before-to-at", to.toString())));
        } else if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            problems.add(new FieldProblem("from", PortalWords.text("period.longest", String.valueOf(LONGEST_PERIOD.toDays()))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, tenant.key());
        }
        List<GroupFairness.Offer> offers = new ArrayList<>();
        try (Connection db = datasources.forRole(DatasourceRole.REALTIME).getConnection();
             PreparedStatement query = db.prepareStatement(OFFERS)) {
            query.setLong(1, tenant.idValue());
            query.setLong(2, groupId);
            query.setTimestamp(3, Timestamp.from(from));
            query.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // Offers recorded before the idle time was (issue 14) count, with an unknown rest of 0.
                    String idle = rows.getString(2);
                    offers.add(new GroupFairness.Offer(rows.getString(1),
                            Duration.ofMillis(idle == null ? 0 : Math.round(Double.parseDouble(idle) * 1000))));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the offers of group " + groupId, e);
        }
        return GroupFairness.of(members, offers);
    }
}
