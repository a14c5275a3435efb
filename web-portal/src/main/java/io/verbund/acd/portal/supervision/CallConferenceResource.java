package io.verbund.acd.portal.supervision;

import io.verbund.acd.call.TransferNumbers;
import io.verbund.acd.portal.agent.Agents;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.NotAudited;
import io.verbund.acd.portal.call.CallDocument;
import io.verbund.acd.portal.call.CallEnded;
import io.verbund.acd.portal.call.CallNotConnected;
import io.verbund.acd.portal.call.CallRecords;
import io.verbund.acd.portal.call.TransferRequest;
import io.verbund.acd.portal.tenant.Tenants;
import io.verbund.acd.runtime.callcontrol.CallCommands;
import io.verbund.acd.runtime.callcontrol.ConferenceAsked;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /calls/{callId}/conference}: the call's own agent adds a third party, another agent
 * ({@code {"agent":"1002"}}) or a number the tenant's calls may be transferred to
 * ({@code {"number":"+49…"}}); the node holding the call rings it and, once it answers, all three
 * hear each other. The third party hanging up leaves the two-party call. 202 at once; 403 for anyone
 * but the call's agent, 409 when the call is not connected, 422 naming the field for a bad target.
 */
@Path("calls/{callId}/conference")
@RequestScoped
@ApiArea(ApiArea.Area.CALLS)
@Produces(MediaType.APPLICATION_JSON)
public class CallConferenceResource {

    private final CallRecords records;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallCommands commands;
    private final CallerContext callers;
    private final Agents agents;
    private final Tenants tenants;

    /** What was asked. */
    public record ConferenceDocument(String callId, String target) {
    }

    @Inject
    public CallConferenceResource(CallRecords records, TenantAddressing addressing, BodyValidation validation, CallCommands commands,
                                  CallerContext callers, Agents agents, Tenants tenants) {
        this.records = records;
        this.addressing = addressing;
        this.validation = validation;
        this.commands = commands;
        this.callers = callers;
        this.agents = agents;
        this.tenants = tenants;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public CallConferenceResource() {
        this(null, null, null, null, null, null, null);
    }

    @NotAudited("call control by the call's own agent")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response conference(@PathParam("callId") String callId, TransferRequest request, @QueryParam("tenant") String tenant) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        String extension = caller.agent().map(agent -> agent.extension())
                .orElseThrow(() -> new NotPermitted(PortalWords.text("denied.conference-no-agent", caller.login()), addressed.key()));
        CallDocument call = records.get(addressed, new CallRecords.Scope(java.util.Optional.empty(), java.util.Optional.of(extension)), callId);
        if (!extension.equals(call.agent())) {
            throw new NotPermitted(PortalWords.text("denied.conference-not-own"), addressed.key());
        }
        TransferRequest checked = validation.check(request, addressed.key());
        if (checked.agent() != null && (checked.agent().equals(extension) || !agents.exists(addressed, checked.agent()))) {
            throw InvalidFields.of("agent", PortalWords.text("common.agent-unknown", checked.agent()), addressed.key());
        }
        TransferNumbers allowed = tenants.transferNumbers(addressed.idValue());
        if (!allowed.allows(checked.toTarget())) {
            throw InvalidFields.of("number", PortalWords.text("call.number-not-allowed", checked.number(), allowed), addressed.key());
        }
        if (call.endedAt() != null) {
            throw new CallEnded(callId, addressed.key());
        }
        if (call.answeredAt() == null) {
            throw new CallNotConnected(callId, "answer", addressed.key());
        }
        commands.conference(new ConferenceAsked(callId, checked.toTarget(), caller.login()));
        return Response.accepted(new ConferenceDocument(callId, checked.toTarget().toString())).build();
    }
}
