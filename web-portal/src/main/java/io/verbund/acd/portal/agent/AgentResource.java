package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.AuditTrail;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.portal.audit.NotAudited;
import io.verbund.acd.portal.report.ForwardedAnswer;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.stats.StatsAnswer;
import io.verbund.acd.runtime.stats.StatsClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * {@code /agents}, in one class because JAX-RS lets only one resource class own a path:
 * <ul>
 * <li><b>State</b>: {@code GET agents/states}, {@code GET agents/{extension}/state} and {@code PUT
 * agents/{extension}/state} with {@link AgentStateRequest}, for agents, their supervisors and admins
 * ({@link AgentAccess}); a system administrator may name another tenant with {@code ?tenant=}.
 * Errors: 400 malformed body or state, 403 not this caller's agent, 404 no such (enabled) agent in
 * the tenant, 409 not allowed from the current state, 422 pause reason the tenant does not offer.
 * {@code POST agents/{extension}/wrap-up/extensions} with {@link WrapUpExtensionRequest} extends the
 * agent's wrap-up, for the same callers.</li>
 * <li><b>Configuration</b>: {@code GET/POST agents}, {@code GET/PUT/DELETE agents/{extension}} with
 * {@link AgentRequest}, through {@link Agents}: supervisors read, tenant admins change, a system
 * admin or reseller may name another tenant with {@code ?tenant=}. {@code ?q=} filters the list by
 * extension or display name. Single agents are served with an ETag; changes name the version they
 * were made from. Errors: 404 no such agent, 409 stale version or agent still logged in, 412
 * If-Match failed, 422 a field (the body's problem names it).</li>
 * </ul>
 * Every call needs a caller: a session, Basic authentication, or an API token. The class has one
 * API area, AGENTS, so a token needs {@code agents:read} / {@code agents:write} for the agent
 * configuration too (not {@code config:*}): an integration that manages agents is an agent
 * integration.
 */
@Path("agents")
@RequestScoped
@ApiArea(ApiArea.Area.AGENTS)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentStateService service;
    private final Agents agents;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final HelpRequests help;
    private final StatsClient stats;
    private final CallerContext callers;
    private final AuditTrail audit;
    private final Softphones softphones;

    @Inject
    public AgentResource(AgentStateService service, Agents agents, TenantAddressing addressing, BodyValidation validation,
                         HelpRequests help, StatsClient stats, CallerContext callers, AuditTrail audit, Softphones softphones) {
        this.audit = audit;
        this.softphones = softphones;
        this.service = service;
        this.agents = agents;
        this.addressing = addressing;
        this.validation = validation;
        this.help = help;
        this.stats = stats;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public AgentResource() {
        this(null, null, null, null, null, null, null, null, null);
    }

    @GET
    public Page<AgentDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forReading(callers.caller(), tenant);
        return agents.list(addressed, filter, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{extension}")
    public Response get(@PathParam("extension") String extension, @QueryParam("tenant") String tenant) {
        AgentDocument agent = agents.get(addressing.forReading(callers.caller(), tenant), extension);
        return Response.ok(agent).tag(EntityVersion.tag(agent.version())).build();
    }

    @ChangesConfiguration("agent")
    @Audited("agent")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AgentRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        AgentDocument agent = agents.create(addressed, validation.check(request, addressed.key()), callers.caller().login());
        return Response.created(uri.getAbsolutePathBuilder().path(agent.extension()).build())
                .tag(EntityVersion.tag(agent.version())).entity(agent).build();
    }

    @ChangesConfiguration("agent")
    @Audited("agent")
    @PUT
    @Path("{extension}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("extension") String extension, AgentRequest request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        audit.before(agents.get(addressed, extension));
        AgentDocument agent = agents.replace(addressed, extension, validation.check(request, addressed.key()), ifMatch,
                callers.caller().login());
        return Response.ok(agent).tag(EntityVersion.tag(agent.version())).build();
    }

    @ChangesConfiguration("agent")
    @Audited("agent")
    @DELETE
    @Path("{extension}")
    public Response remove(@PathParam("extension") String extension, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        audit.before(agents.get(addressed, extension));
        agents.remove(addressed, extension, ifMatch, callers.caller().login());
        return Response.noContent().build();
    }

    @GET
    @Path("states")
    public AgentStateList states(@QueryParam("tenant") String tenant) {
        AgentStateService.TenantStates states = service.statesOf(callers.caller(), Optional.ofNullable(tenant));
        return new AgentStateList(states.tenant().value(), states.agents().stream().map(AgentStateDocument::of).toList());
    }

    @GET
    @Path("{extension}/state")
    public AgentStateDocument state(@PathParam("extension") String extension, @QueryParam("tenant") String tenant) {
        return AgentStateDocument.of(service.stateOf(callers.caller(), Optional.ofNullable(tenant), extension));
    }

    @NotAudited("an agent's working state, recorded in agent_event")
    @PUT
    @Path("{extension}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentStateDocument change(@PathParam("extension") String extension, @QueryParam("tenant") String tenant,
                                     AgentStateRequest request) {
        RequestedState requested = RequestedState.from(request);
        return AgentStateDocument.of(service.change(callers.caller(), Optional.ofNullable(tenant), extension, requested));
    }

    /**
     * The agent takes more wrap-up time, {@link WrapUpExtensionRequest}: 200 with its state, whose
     * {@code wrapUp} names the new end. 409 when it is not in wrap-up or its group's allowance does
     * not have that much left ({@link WrapUpNotExtended}), 422 naming {@code seconds}.
     */
    @NotAudited("an agent's wrap-up time, recorded in agent_event")
    @POST
    @Path("{extension}/wrap-up/extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentStateDocument extendWrapUp(@PathParam("extension") String extension, @QueryParam("tenant") String tenant,
                                           WrapUpExtensionRequest request) {
        return AgentStateDocument.of(service.extendWrapUp(callers.caller(), Optional.ofNullable(tenant), extension, request));
    }

    /**
     * The agent's own browser softphone settings, {@link io.verbund.acd.portal.softphone.SoftphoneDocument}: only for the user who
     * works as this agent (403 for anyone else, supervisors and admins included), never cached.
     */
    @GET
    @Path("{extension}/softphone")
    public Response softphone(@PathParam("extension") String extension) {
        jakarta.ws.rs.core.CacheControl noStore = new jakarta.ws.rs.core.CacheControl();
        noStore.setNoStore(true);
        return Response.ok(softphones.of(callers.caller(), extension)).cacheControl(noStore).build();
    }

    /** An agent asks the supervisors who watch it for help: 202, and a {@code help-request} event. */
    @NotAudited("a message to supervisors")
    @POST
    @Path("{extension}/help")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response askForHelp(@PathParam("extension") String extension, HelpRequest request) {
        HelpRequest body = request == null ? new HelpRequest(null) : validation.check(request, callers.caller().tenant());
        return Response.accepted(help.ask(callers.caller(), extension, body.message())).build();
    }

    /**
     * The agent's figures for today: itself, its supervisors and admins (as for its state), from
     * stats-service's {@code realtime/agents/{extension}} (the real-time replica), handed on as it
     * answered; 503 when it cannot be asked.
     */
    @GET
    @Path("{extension}/today")
    public Response today(@PathParam("extension") String extension, @QueryParam("tenant") String tenant) {
        AgentStatus status = service.stateOf(callers.caller(), Optional.ofNullable(tenant), extension);
        StatsAnswer answer = stats.agentDay(status.agent().tenant(), status.agent().extension());
        return ForwardedAnswer.read(answer, answer.text()).build();
    }
}
