package io.verbund.acd.portal.call;

import io.verbund.acd.call.TransferNumbers;
import io.verbund.acd.portal.agent.Agents;
import io.verbund.acd.portal.agent.WrapUps;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ConfigAccess;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.NotAudited;
import io.verbund.acd.portal.group.GroupRoster;
import io.verbund.acd.portal.storage.StoredAudio;
import io.verbund.acd.portal.storage.TenantFiles;
import io.verbund.acd.portal.tenant.Tenants;
import io.verbund.acd.runtime.callcontrol.CallCommands;
import io.verbund.acd.runtime.callcontrol.ConsultationAsked;
import io.verbund.acd.runtime.callcontrol.HoldAsked;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /calls}: the tenant's calls, newest first ({@code ?active=true}: those still running), a
 * single call with its routing decision record, its recording and voicemail, its disposition,
 * hanging it up, transferring it, putting it on hold and resuming it, and placing outbound calls. Admins see every call, a supervisor the calls of the groups it
 * watches, an agent the calls it answered.
 */
@Path("calls")
@RequestScoped
@ApiArea(ApiArea.Area.CALLS)
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    private final CallRecords records;
    private final TenantAddressing addressing;
    private final GroupRoster roster;
    private final BodyValidation validation;
    private final WrapUps wrapUps;
    private final CallCommands commands;
    private final CallerContext callers;
    private final TenantFiles files;
    private final Agents agents;
    private final Tenants tenants;
    private final OutboundDialling dialling;

    @Inject
    public CallResource(CallRecords records, TenantAddressing addressing, GroupRoster roster, BodyValidation validation,
                        WrapUps wrapUps, CallCommands commands, CallerContext callers, TenantFiles files, Agents agents,
                        Tenants tenants, OutboundDialling dialling) {
        this.dialling = dialling;
        this.files = files;
        this.agents = agents;
        this.tenants = tenants;
        this.records = records;
        this.addressing = addressing;
        this.roster = roster;
        this.validation = validation;
        this.wrapUps = wrapUps;
        this.commands = commands;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public CallResource() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }

    @GET
    public Page<CallDocument> list(@QueryParam("tenant") String tenant, @QueryParam("active") boolean active,
                                   @QueryParam("direction") String direction,
                                   @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return records.list(addressed, scope(callers.caller(), addressed), active, direction(direction, addressed), PageRequest.of(offset, limit));
    }

    /** {@code ?direction=INBOUND|OUTBOUND} (any case); none: both. */
    private static Optional<String> direction(String direction, AddressedTenant addressed) {
        if (direction == null || direction.isBlank()) {
            return Optional.empty();
        }
        String upper = direction.strip().toUpperCase(Locale.ROOT);
        if (!upper.equals("INBOUND") && !upper.equals("OUTBOUND")) {
            throw InvalidFields.of("direction", PortalWords.text("call.direction"), addressed.key());
        }
        return Optional.of(upper);
    }

    /**
     * An outbound call: the agent's own phone rings first, then the number is dialled through the
     * trunk presenting the tenant's caller ID. 202 with the new call's id and location at once; the
     * call shows in {@code GET /calls/{id}} a moment later (404 until then), with its steps:
     * {@code OutboundCallPlaced}, {@code AgentPickedUp}, {@code NumberDialled}, then
     * {@code NumberAnswered} or {@code OutboundCallFailed} (outcome AGENT_NOT_REACHED, BUSY,
     * NO_ANSWER, FAILED or CANCELLED), and {@code CallEnded} with who hung up. An agent calls as
     * itself; supervisors, tenant admins and API tokens name the agent ({@code agentId}, its
     * extension). 400 naming {@code number} for a number outside the tenant's external numbers; 409
     * when the agent is not READY or the tenant has no outbound caller ID.
     */
    @NotAudited("call control, kept in the call's events")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(PlaceCallRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        String callId = dialling.place(caller, addressed, validation.check(request, addressed.key()));
        return Response.accepted(new PlacedCall(callId, request.number()))
                .location(uri.getBaseUriBuilder().path("calls").path(callId).build()).build();
    }

    /** The answer to {@code POST /calls}: the new call's id, to follow in {@code GET /calls/{id}}. */
    public record PlacedCall(String callId, String number) {
    }

    @GET
    @Path("{callId}")
    public CallDocument get(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return records.get(addressed, scope(callers.caller(), addressed), callId);
    }

    /**
     * The call's routing decisions, oldest first: for each offer the group, the strategy, the agents
     * chosen, the eligible ones ranked lower, the members excluded and why, and the count per reason.
     */
    @GET
    @Path("{callId}/decisions")
    public List<RoutingDecisionDocument> decisions(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return records.get(addressed, scope(callers.caller(), addressed), callId).steps().stream()
                .filter(step -> RoutingDecisionDocument.KIND.equals(step.kind())).map(RoutingDecisionDocument::of).toList();
    }

    @NotAudited("an agent's work on a call, kept in the call record")
    @PUT
    @Path("{callId}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallDocument dispose(@PathParam("callId") String callId, DispositionRequest request, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        CallRecords.Scope scope = scope(callers.caller(), addressed);
        records.get(addressed, scope, callId);
        String code = validation.check(request, addressed.key()).code();
        CallDocument disposed = records.dispose(addressed, scope, callId, code, callers.caller().login());
        wrapUps.disposed(addressed.key(), callId);
        return disposed;
    }

    /** The call's two-channel recording as WAV; {@code Range} gives 206, so a player can seek. 404 when the call has none. */
    @GET
    @Path("{callId}/recording")
    @Produces({"audio/wav", MediaType.WILDCARD})
    public Response recording(@PathParam("callId") String callId, @QueryParam("tenant") String tenant,
                              @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        return media(callId, tenant, CallMedia.RECORDING, range, ifRange);
    }

    /** The message the caller left, as WAV, with byte ranges like the recording. 404 when the call has none. */
    @GET
    @Path("{callId}/voicemail")
    @Produces({"audio/wav", MediaType.WILDCARD})
    public Response voicemail(@PathParam("callId") String callId, @QueryParam("tenant") String tenant,
                              @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        return media(callId, tenant, CallMedia.VOICEMAIL, range, ifRange);
    }

    private Response media(String callId, String tenant, CallMedia media, String range, String ifRange) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        String file = records.mediaFile(addressed, scope(callers.caller(), addressed), callId, media)
                .orElseThrow(() -> new NoCallMedia(callId, media, addressed.key()));
        return StoredAudio.of(files.open(addressed, media.category(), file, Optional.ofNullable(range), Optional.ofNullable(ifRange))
                .orElseThrow(() -> new NoCallMedia(callId, media, addressed.key())));
    }

    private CallRecords.Scope scope(Caller caller, AddressedTenant tenant) {
        if (ConfigAccess.isAdmin(caller, tenant)) {
            return CallRecords.Scope.ALL;
        }
        if (caller.has(Role.SUPERVISOR)) {
            Set<Long> supervised = roster.supervisedBy(caller.user());
            return supervised.isEmpty() ? CallRecords.Scope.ALL : new CallRecords.Scope(Optional.of(supervised), Optional.empty());
        }
        String extension = caller.agent().map(agent -> agent.extension())
                .orElseThrow(() -> new NotPermitted(PortalWords.text("denied.calls-no-agent", caller.login()), tenant.key()));
        return new CallRecords.Scope(Optional.empty(), Optional.of(extension));
    }

    /**
     * Hangs up a running call, whichever node holds it: 202 once asked (the call's record then ends
     * with who asked), 409 when the call has already ended. A call that started a moment ago may
     * not be recorded yet: 404, try again.
     */
    @NotAudited("call control, kept in the call's events")
    @DELETE
    @Path("{callId}")
    public Response hangUp(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        CallDocument call = records.get(addressed, scope(callers.caller(), addressed), callId);
        if (call.endedAt() != null) {
            throw new CallEnded(callId, addressed.key());
        }
        commands.hangUp(callId, callers.caller().login());
        return Response.accepted(call).build();
    }

    /**
     * Blind transfer of a connected call to another agent or an external number, on whichever node
     * holds it: 202 with the call's location once asked. The outcome is asynchronous: the call's
     * events show {@code TransferStarted}, then {@code Transferred} or {@code TransferFailed} with
     * the reason (the caller then stays with its agent). To a group ({@code {"group":"Sales"}}) the
     * caller leaves its agent at once ({@code Transferred}, then {@code CallQueued} in the group with
     * its first priority) and waits, hearing music, until the group's strategy finds it an agent;
     * its first agent goes to wrap-up. The call's own agent (403 for another agent), supervisors for
     * the calls of their groups, tenant admins; 409 when the call is not connected (waiting, ringing, or ended).
     */
    @NotAudited("call control, kept in the call's events")
    @POST
    @Path("{callId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transfer(@PathParam("callId") String callId, TransferRequest request, @QueryParam("tenant") String tenant,
                             @Context UriInfo uri) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        CallDocument call;
        if (ConfigAccess.isAdmin(caller, addressed) || caller.has(Role.SUPERVISOR)) {
            call = records.get(addressed, scope(caller, addressed), callId);
        } else {
            // An agent hands on its own call only; another agent's call is refused, not hidden, as for a conference.
            String extension = caller.agent().map(agent -> agent.extension())
                    .orElseThrow(() -> new NotPermitted(PortalWords.text("denied.transfer", caller.login()), addressed.key()));
            call = records.get(addressed, CallRecords.Scope.ALL, callId);
            if (!extension.equals(call.agent())) {
                throw new NotPermitted(PortalWords.text("denied.transfer-not-own", caller.login()), addressed.key());
            }
        }
        TransferRequest checked = validation.check(request, addressed.key());
        if (checked.agent() != null && checked.agent().equals(call.agent())) {
            throw InvalidFields.of("agent", PortalWords.text("call.transfer-to-itself", checked.agent()), addressed.key());
        }
        checkParty(checked, addressed);
        requireConnected(call, callId, addressed);
        if (call.consultation() != null) {
            throw NoConsultation.already(callId, addressed.key());
        }
        if (Boolean.TRUE.equals(call.onHold())) {
            throw CallOnHold.already(callId, "transfer", addressed.key());
        }
        if (call.conference() != null) {
            throw NoConsultation.inConference(callId, addressed.key());
        }
        commands.transfer(callId, checked.toTarget(), caller.login());
        return Response.accepted(call).location(uri.getBaseUriBuilder().path("calls").path(callId).build()).build();
    }

    /**
     * Puts a connected caller on hold: it leaves its agent and hears music on hold (the music of the
     * queue it waited in), the agent hears silence, the recording pauses. 202 with the call once
     * asked; the call's steps then show {@code CallHeld} with who asked, and {@code onHold} is true.
     * The agent on the call, supervisors for the calls of their groups and tenant admins (the same
     * calls {@code GET /calls/{id}} shows them). 409 {@code call-not-connected} before an agent
     * answered, {@code call-ended} after the call, {@code call-on-hold} when it is on hold already.
     */
    @NotAudited("call control, kept in the call's events with who asked")
    @POST
    @Path("{callId}/hold")
    public Response hold(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        return holdOrResume(callId, tenant, HoldAsked.Kind.HOLD);
    }

    /**
     * Takes the caller off hold: it talks to its agent again. 202 once asked; the steps show
     * {@code CallResumed} with how long the hold lasted and the call's total. Who may: as for hold.
     * 409 {@code call-not-on-hold} when the call is not on hold, {@code call-ended} after it.
     */
    @NotAudited("call control, kept in the call's events with who asked")
    @POST
    @Path("{callId}/resume")
    public Response resume(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        return holdOrResume(callId, tenant, HoldAsked.Kind.RESUME);
    }

    private Response holdOrResume(String callId, String tenant, HoldAsked.Kind kind) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        CallDocument call = records.get(addressed, scope(caller, addressed), callId);
        requireConnected(call, callId, addressed);
        if (kind == HoldAsked.Kind.HOLD && Boolean.TRUE.equals(call.onHold())) {
            throw CallOnHold.already(callId, "hold", addressed.key());
        }
        if (kind == HoldAsked.Kind.RESUME && !Boolean.TRUE.equals(call.onHold())) {
            throw CallOnHold.not(callId, addressed.key());
        }
        if (call.consultation() != null) {
            throw NoConsultation.already(callId, addressed.key());
        }
        if (call.conference() != null) {
            throw NoConsultation.inConference(callId, addressed.key());
        }
        commands.hold(callId, kind, caller.login());
        return Response.accepted(call).build();
    }

    /**
     * An agent's consultation: the caller goes on hold with music and the node rings another agent
     * ({@code {"agent":"1002"}}, who must be READY), a free agent of a group its routing strategy picks
     * now ({@code {"group":"Sales"}}; none free: {@code ConsultationFailed}) or a number among the tenant's transfer numbers
     * ({@code {"number":"+4940123456"}}); once it answers the agent talks to it. 202 with the call;
     * the steps show {@code ConsultationStarted}, then {@code ConsultationAnswered} or
     * {@code ConsultationFailed} with the reason (the caller stays on hold: resume it), and the
     * call's {@code consultation} says RINGING, TALKING or SWAPPED. Then {@code .../complete},
     * {@code .../swap} or {@code .../return}. Who may: as for hold. 422 naming {@code target},
     * {@code agent}, {@code group} or {@code number}; 409 {@code call-not-connected}, {@code call-ended},
     * {@code consultation-going-on}.
     */
    @NotAudited("call control, kept in the call's events with who asked")
    @POST
    @Path("{callId}/consultation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response consult(@PathParam("callId") String callId, TransferRequest request, @QueryParam("tenant") String tenant) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        CallDocument call = records.get(addressed, scope(caller, addressed), callId);
        TransferRequest checked = validation.check(request, addressed.key());
        checkParty(checked, addressed);
        requireConnected(call, callId, addressed);
        if (call.consultation() != null) {
            throw NoConsultation.already(callId, addressed.key());
        }
        if (call.conference() != null) {
            throw NoConsultation.inConference(callId, addressed.key());
        }
        commands.consult(new ConsultationAsked(callId, ConsultationAsked.Kind.START, checked.toTarget(), caller.login()));
        return Response.accepted(call).build();
    }

    /**
     * Completes the consultation: the caller talks to the consulted party, the agent goes to wrap-up
     * (a {@code Transferred}). In a conference the agent leaves the other two talking ({@code PartyLeft},
     * {@code Transferred}). 409 {@code no-consultation} without an answered consultation or a conference.
     */
    @NotAudited("call control, kept in the call's events with who asked")
    @POST
    @Path("{callId}/consultation/complete")
    public Response completeConsultation(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        return consultationStep(callId, tenant, ConsultationAsked.Kind.COMPLETE);
    }

    /**
     * Makes a conference of the answered consultation: caller, agent and consulted party hear each
     * other ({@code PartyJoined} via "consultation"; the caller's hold ends). Then as a conference
     * the agent set up directly: the third party hanging up leaves caller and agent; the agent
     * hanging up, or {@code .../complete}, leaves caller and third party talking ({@code PartyLeft},
     * {@code Transferred}). 409 {@code no-consultation} without an answered consultation.
     */
    @NotAudited("call control, kept in the call's events with who asked")
    @POST
    @Path("{callId}/consultation/conference")
    public Response conferenceConsultation(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        return consultationStep(callId, tenant, ConsultationAsked.Kind.CONFERENCE);
    }

    /** The agent talks to the other party; the one left hears music ({@code ConsultationSwapped}). */
    @NotAudited("call control, kept in the call's events with who asked")
    @POST
    @Path("{callId}/consultation/swap")
    public Response swapConsultation(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        return consultationStep(callId, tenant, ConsultationAsked.Kind.SWAP);
    }

    /** Ends the consultation (a ringing one is cancelled, an answered one hung up); the agent talks to its caller again. */
    @NotAudited("call control, kept in the call's events with who asked")
    @POST
    @Path("{callId}/consultation/return")
    public Response returnFromConsultation(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        return consultationStep(callId, tenant, ConsultationAsked.Kind.RETURN);
    }

    private Response consultationStep(String callId, String tenant, ConsultationAsked.Kind kind) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forMembers(caller, tenant);
        CallDocument call = records.get(addressed, scope(caller, addressed), callId);
        requireConnected(call, callId, addressed);
        boolean answered = "TALKING".equals(call.consultation()) || "SWAPPED".equals(call.consultation());
        // In a conference, completing is the agent leaving the other two talking.
        boolean leavesConference = kind == ConsultationAsked.Kind.COMPLETE && call.conference() != null;
        if (kind == ConsultationAsked.Kind.RETURN ? call.consultation() == null : !answered && !leavesConference) {
            throw NoConsultation.none(callId, kind.name(), addressed.key());
        }
        commands.consult(new ConsultationAsked(callId, kind, null, caller.login()));
        return Response.accepted(call).build();
    }

    /**
     * The party a call is transferred to or consulted exists in the tenant: the agent, the group, or
     * the number among the tenant's transfer numbers. Refused here for a clear answer; the node that
     * dials checks the numbers again (flows, other nodes' commands).
     */
    private void checkParty(TransferRequest checked, AddressedTenant addressed) {
        if (checked.agent() != null && !agents.exists(addressed, checked.agent())) {
            throw InvalidFields.of("agent", PortalWords.text("common.agent-unknown", checked.agent()), addressed.key());
        }
        if (checked.group() != null && roster.groupsOf(addressed.key()).stream().noneMatch(group -> group.name().equals(checked.group()))) {
            throw InvalidFields.of("group", PortalWords.text("common.group-unknown", checked.group()), addressed.key());
        }
        TransferNumbers allowed = tenants.transferNumbers(addressed.idValue());
        if (!allowed.allows(checked.toTarget())) {
            throw InvalidFields.of("number", PortalWords.text("call.number-not-allowed", checked.number(), allowed), addressed.key());
        }
    }

    private static void requireConnected(CallDocument call, String callId, AddressedTenant addressed) {
        if (call.endedAt() != null) {
            throw new CallEnded(callId, addressed.key());
        }
        if (call.answeredAt() == null) {
            throw new CallNotConnected(callId, "agent", addressed.key());
        }
    }
}
