package io.verbund.acd.portal.schedule;

import io.verbund.acd.persistence.config.OpeningHoursEntity;
import io.verbund.acd.persistence.config.TenantEntity;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.TenantItems;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The opening hours of a tenant, one transaction per call. Names are unique within the tenant (call
 * flows name them); the body's rules are {@link ScheduleCheck}'s, so the schema's CHECKs never
 * refuse what passed. Whether a schedule is open is acd-core's {@link io.verbund.acd.schedule.OpeningHours}
 * evaluating the stored rows.
 */
@ApplicationScoped
@Transactional
public class Schedules implements TenantItems<OpeningHoursRequest, OpeningHoursDocument> {

    static final String KIND = "opening hours";
    private static final Logger LOG = Logger.getLogger(Schedules.class.getName());

    private final EntityManager entities;
    private final Clock clock;

    @Inject
    public Schedules(EntityManager entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected Schedules() {
        this(null, null);
    }

    public Page<OpeningHoursDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<OpeningHoursEntity> rows = TenantRows.page(entities, OpeningHoursEntity.class, "name", filter, page, tenant);
        return new Page<>(rows.items().stream().map(ScheduleRows::document).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public OpeningHoursDocument get(AddressedTenant tenant, long id) {
        return ScheduleRows.document(find(tenant, id));
    }

    /** @param at the instant asked about; empty: now */
    public OpeningStatus status(AddressedTenant tenant, long id, Optional<Instant> at) {
        Instant instant = at.orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return new OpeningStatus(ScheduleRows.schedule(find(tenant, id)).isOpen(instant), instant);
    }

    @Override
    public OpeningHoursDocument create(AddressedTenant tenant, OpeningHoursRequest request, Caller by) {
        String name = request.name().strip();
        requireValid(tenant, request, name, null);
        OpeningHoursEntity hours = new OpeningHoursEntity(tenant.idValue(), name);
        apply(tenant, hours, request);
        entities.persist(hours);
        entities.flush();
        LOG.info(() -> "opening hours " + hours.getName() + " (" + hours.getId() + ") created in tenant " + tenant.key() + " by " + by);
        return ScheduleRows.document(hours);
    }

    @Override
    public OpeningHoursDocument replace(AddressedTenant tenant, long id, OpeningHoursRequest request, String ifMatch, Caller by) {
        OpeningHoursEntity hours = find(tenant, id);
        EntityVersion.require(KIND + " '" + hours.getName() + "'", hours.getVersion(),
                RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        String name = request.name().strip();
        requireValid(tenant, request, name, hours.getId());
        hours.setName(name);
        apply(tenant, hours, request);
        entities.flush();
        LOG.info(() -> "opening hours " + hours.getName() + " (" + id + ") changed to version " + hours.getVersion() + " in tenant "
                + tenant.key() + " by " + by + ": " + hours.getIntervals().size() + " intervals, " + hours.getHolidays().size()
                + " holidays, zone " + hours.getTimeZone());
        return ScheduleRows.document(hours);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        OpeningHoursEntity hours = find(tenant, id);
        EntityVersion.require(KIND + " '" + hours.getName() + "'", hours.getVersion(), hours.getVersion(), ifMatch, tenant.key());
        entities.remove(hours);
        entities.flush();
        LOG.info(() -> "opening hours " + hours.getName() + " (" + id + ") removed from tenant " + tenant.key() + " by " + by);
    }

    private OpeningHoursEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, OpeningHoursEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private void requireValid(AddressedTenant tenant, OpeningHoursRequest request, String name, Long exceptId) {
        List<FieldProblem> problems = new ArrayList<>(ScheduleCheck.problems(request));
        if (TenantRows.taken(entities, OpeningHoursEntity.class, "name", name, exceptId, tenant)) {
            problems.add(0, new FieldProblem("name", PortalWords.text("schedule.name-taken", ClientText.echo(name, 100))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, tenant.key());
        }
    }

    /** A body left without a zone is read in the tenant's, as the schema documents for the tenant's zone. */
    private void apply(AddressedTenant tenant, OpeningHoursEntity hours, OpeningHoursRequest request) {
        hours.setTimeZone(request.timeZone() != null ? request.timeZone()
                : entities.find(TenantEntity.class, tenant.idValue()).getTimeZone());
        hours.getIntervals().clear();
        hours.getIntervals().addAll(ScheduleRows.intervals(request.intervals()));
        hours.getHolidays().clear();
        hours.getHolidays().addAll(ScheduleRows.holidays(request.holidays()));
    }
}
