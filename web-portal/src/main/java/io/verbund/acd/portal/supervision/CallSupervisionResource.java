package io.verbund.acd.portal.supervision;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.portal.agent.Supervision;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.portal.audit.AuditTrail;
import io.verbund.acd.portal.call.CallDocument;
import io.verbund.acd.portal.call.CallEnded;
import io.verbund.acd.portal.call.CallNotConnected;
import io.verbund.acd.portal.call.CallRecords;
import io.verbund.acd.runtime.agent.ConfiguredAgent;
import io.verbund.acd.runtime.agent.JdbcAgentDirectory;
import io.verbund.acd.runtime.callcontrol.CallCommands;
import io.verbund.acd.runtime.callcontrol.SupervisionAsked;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * {@code /calls/{callId}/supervision}: a supervisor listens in on a connected call ({@code listen}:
 * hears caller and agent, nobody hears it), whispers to the agent ({@code whisper}: the caller never
 * hears it) or barges in ({@code barge}: everyone hears everyone), on its own phone, which the node
 * holding the call rings; posting again switches the mode, {@code DELETE} leaves. Only a SUPERVISOR,
 * only for calls of the agents of its groups (403 otherwise: a tenant admin may configure, not
 * listen); 409 when the call is not connected or the supervisor has no phone. Every start, switch
 * and end is in the audit log. 202 at once: the phone rings a moment later.
 */
@Path("calls/{callId}/supervision")
@RequestScoped
@ApiArea(ApiArea.Area.CALLS)
@Produces(MediaType.APPLICATION_JSON)
public class CallSupervisionResource {

    private final CallRecords records;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallCommands commands;
    private final CallerContext callers;
    private final Supervision supervision;
    private final JdbcAgentDirectory agents;
    private final SupervisorPhones phones;
    private final AuditTrail audit;

    /** What was asked, as the answer and the audit log show it. */
    public record SupervisionDocument(String callId, String mode, String agent, String supervisor) {
    }

    @Inject
    public CallSupervisionResource(CallRecords records, TenantAddressing addressing, BodyValidation validation, CallCommands commands,
                                   CallerContext callers, Supervision supervision, JdbcAgentDirectory agents, SupervisorPhones phones,
                                   AuditTrail audit) {
        this.records = records;
        this.addressing = addressing;
        this.validation = validation;
        this.commands = commands;
        this.callers = callers;
        this.supervision = supervision;
        this.agents = agents;
        this.phones = phones;
        this.audit = audit;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public CallSupervisionResource() {
        this(null, null, null, null, null, null, null, null, null);
    }

    @Audited("call-supervision")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response supervise(@PathParam("callId") String callId, SupervisionRequest request, @QueryParam("tenant") String tenant) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        CallDocument call = supervisedCall(caller, addressed, callId);
        SupervisionAsked.Mode mode = validation.check(request, addressed.key()).toMode();
        String phone = phones.phoneOf(addressed.id(), caller.user()).orElseThrow(() -> new NoSupervisorPhone(caller.login(), addressed.key()));
        commands.supervise(new SupervisionAsked(callId, mode, phone, phones.notice(addressed.id()), caller.login()));
        audit.entityId(callId);
        return Response.accepted(new SupervisionDocument(callId, mode.name().toLowerCase(Locale.ROOT), call.agent(), caller.login())).build();
    }

    @Audited("call-supervision")
    @DELETE
    public Response leave(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        CallDocument call = supervisedCall(caller, addressed, callId);
        commands.supervise(new SupervisionAsked(callId, SupervisionAsked.Mode.END, null, false, caller.login()));
        audit.entityId(callId);
        return Response.accepted(new SupervisionDocument(callId, "end", call.agent(), caller.login())).build();
    }

    /**
     * The call, if the caller supervises its agent and it is connected.
     *
     * @throws NotPermitted for anyone but a supervisor of the call's agent
     */
    private CallDocument supervisedCall(Caller caller, AddressedTenant addressed, String callId) {
        if (!caller.has(Role.SUPERVISOR) || !addressed.callersOwn()) {
            throw new NotPermitted(PortalWords.text("denied.supervise", caller.login()), addressed.key());
        }
        CallDocument call = records.get(addressed, CallRecords.Scope.ALL, callId);
        if (call.agent() == null) {
            throw new CallNotConnected(callId, "supervised", addressed.key());
        }
        ConfiguredAgent agent = agents.find(new AgentKey(addressed.key(), call.agent()))
                .orElseThrow(() -> new CallNotConnected(callId, "supervised", addressed.key()));
        if (!supervision.agentsSupervisedBy(caller).contains(agent.id())) {
            throw new NotPermitted(PortalWords.text("denied.agent-not-supervised", caller.login(), call.agent()), addressed.key());
        }
        if (call.endedAt() != null) {
            throw new CallEnded(callId, addressed.key());
        }
        if (call.answeredAt() == null) {
            throw new CallNotConnected(callId, "agent", addressed.key());
        }
        return call;
    }
}
