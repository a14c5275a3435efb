package io.verbund.acd.portal.call;

import io.verbund.acd.portal.agent.WrapUps;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ConfigAccess;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.group.GroupRoster;
import io.verbund.acd.portal.storage.StoredAudio;
import io.verbund.acd.portal.storage.TenantFiles;
import io.verbund.acd.runtime.callcontrol.CallCommands;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /calls}: the tenant's calls, newest first ({@code ?active=true}: those still running), a
 * single call with its routing decision record, its recording and voicemail, its disposition, and hanging it up. Admins see every call, a
 * supervisor the calls of the groups it watches, an agent the calls it answered.
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

    @Inject
    public CallResource(CallRecords records, TenantAddressing addressing, GroupRoster roster, BodyValidation validation,
                        WrapUps wrapUps, CallCommands commands, CallerContext callers, TenantFiles files) {
        this.files = files;
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
        this(null, null, null, null, null, null, null, null);
    }

    @GET
    public Page<CallDocument> list(@QueryParam("tenant") String tenant, @QueryParam("active") boolean active,
                                   @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return records.list(addressed, scope(callers.caller(), addressed), active, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{callId}")
    public CallDocument get(@PathParam("callId") String callId, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return records.get(addressed, scope(callers.caller(), addressed), callId);
    }

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
                .orElseThrow(() -> new NotPermitted("User " + caller.login() + " sees no calls: it is no agent", tenant.key()));
        return new CallRecords.Scope(Optional.empty(), Optional.of(extension));
    }

    /**
     * Hangs up a running call, whichever node holds it: 202 once asked (the call's record then ends
     * with who asked), 409 when the call has already ended. A call that started a moment ago may
     * not be recorded yet: 404, try again.
     */
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
}
