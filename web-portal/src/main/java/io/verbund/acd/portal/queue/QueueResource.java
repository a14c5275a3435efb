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
import java.util.Map;

/**
 * {@code GET /queues}: the live queues of the groups the caller watches (a supervisor's groups,
 * every group for an admin, an agent's own groups; a system admin or reseller may name a tenant with
 * {@code ?tenant=}) with today's figures. Kept current afterwards
 * by the {@code queue} events of {@code GET /events}.
 */
@Path("queues")
@RequestScoped
@ApiArea(ApiArea.Area.STATS)
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final LiveQueues queues;
    private final GroupRoster roster;
    private final TodayFigures figures;
    private final Viewers viewers;
    private final TenantAddressing addressing;
    private final CallerContext callers;

    @Inject
    public QueueResource(LiveQueues queues, GroupRoster roster, TodayFigures figures, Viewers viewers, TenantAddressing addressing,
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
        Map<Long, TodayFigures.Today> today = figures.of(addressed);
        List<QueueDocument> items = roster.groupsOf(addressed.key()).stream()
                .filter(group -> !addressed.callersOwn() || (viewer.staff()
                        ? viewer.visibleGroups().map(ids -> ids.contains(group.id())).orElse(true)
                        : viewer.memberOf().contains(group.id())))
                .map(group -> QueueDocument.of(queues.summary(group), today.getOrDefault(group.id(),
                        TodayFigures.today(0, 0, 0, 0, group.serviceLevelSeconds(), group.serviceLevelTargetPercent()))))
                .toList();
        return new QueueList(addressed.key().value(), items);
    }
}
