package io.verbund.acd.portal.queue;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.event.Viewer;
import io.verbund.acd.portal.event.Viewers;
import io.verbund.acd.portal.group.GroupRoster;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /queues}: the live queues of the groups the caller watches (a supervisor's groups,
 * every group for an admin, an agent's own groups; a system admin or reseller may name a tenant with
 * {@code ?tenant=}) with today's figures from stats-service ({@link GroupFigures}: read on the
 * real-time replica, kept 2 s). The queues are kept current afterwards by the {@code queue} events of
 * {@code GET /events}; the browser reads today's figures again after {@code call} events. Without
 * stats-service the queues are answered all the same, with {@code todayAvailable: false}.
 */
@Path("queues")
@RequestScoped
@ApiArea(ApiArea.Area.STATS)
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final LiveQueues queues;
    private final GroupRoster roster;
    private final GroupFigures figures;
    private final Viewers viewers;
    private final TenantAddressing addressing;
    private final CallerContext callers;

    @Inject
    public QueueResource(LiveQueues queues, GroupRoster roster, GroupFigures figures, Viewers viewers, TenantAddressing addressing,
                         CallerContext callers) {
        this.queues = queues;
        this.roster = roster;
        this.figures = figures;
        this.viewers = viewers;
        this.addressing = addressing;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public QueueResource() {
        this(null, null, null, null, null, null);
    }

    @GET
    public QueueList list(@QueryParam("tenant") String tenant) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        Viewer viewer = viewers.of(caller);
        Optional<GroupFigures.Day> today = figures.of(addressed.key());
        List<QueueDocument> items = roster.groupsOf(addressed.key()).stream()
                .filter(group -> !addressed.callersOwn() || (viewer.staff()
                        ? viewer.visibleGroups().map(ids -> ids.contains(group.id())).orElse(true)
                        : viewer.memberOf().contains(group.id())))
                .map(group -> QueueDocument.of(queues.summary(group), today.map(day -> day.groups().getOrDefault(group.id(),
                        GroupFigures.Today.none(group.serviceLevelSeconds(), group.serviceLevelTargetPercent()))).orElse(null)))
                .toList();
        return new QueueList(addressed.key().value(), items, today.isPresent(), today.map(GroupFigures.Day::readFrom).orElse(null));
    }
}
