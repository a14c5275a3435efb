package io.verbund.acd.portal.agent;

import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Agent state: {@code GET agents/states}, {@code GET agents/{extension}/state} and {@code PUT
 * agents/{extension}/state} with {@link AgentStateRequest}. Every call needs a caller (session, Basic
 * authentication or an API token with agents:read / agents:write) and addresses the caller's tenant; a system administrator may name another with
 * {@code ?tenant=}. Errors are problem+json: 400 malformed body or state, 401, 403 not this
 * caller's agent, 404 no such agent in the tenant, 409 not allowed from the current state, 422
 * pause reason the tenant does not offer.
 */
@Path("agents")
@RequestScoped
@ApiArea(ApiArea.Area.AGENTS)
@Produces(MediaType.APPLICATION_JSON)
public class AgentStateResource {

    private final AgentStateService service;
    private final CallerContext callers;

    @Inject
    public AgentStateResource(AgentStateService service, CallerContext callers) {
        this.service = service;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public AgentStateResource() {
        this.service = null;
        this.callers = null;
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

    @PUT
    @Path("{extension}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentStateDocument change(@PathParam("extension") String extension, @QueryParam("tenant") String tenant,
                                     AgentStateRequest request) {
        RequestedState requested = RequestedState.from(request);
        return AgentStateDocument.of(service.change(callers.caller(), Optional.ofNullable(tenant), extension, requested));
    }
}
