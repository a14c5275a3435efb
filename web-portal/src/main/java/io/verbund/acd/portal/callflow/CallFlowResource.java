package io.verbund.acd.portal.callflow;

import io.verbund.acd.callflow.NodeType;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.api.TenantItemResource;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.portal.audit.NotAudited;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /call-flows}: the tenant's call flows, their published versions, a check for graphs being
 * edited, and the node catalogue an editor offers. A graph that fails the check is answered 422
 * with one field problem per finding, named {@code graph.nodes.<node id>.<what>}.
 */
@Path("call-flows")
@RequestScoped
@ChangesConfiguration("call-flow")
@Audited("call-flow")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class CallFlowResource extends TenantItemResource<CallFlowRequest, CallFlowDocument> {

    private final CallFlows flows;

    @Inject
    public CallFlowResource(CallFlows flows, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        super(flows, addressing, validation, callers);
        this.flows = flows;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public CallFlowResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<CallFlowDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                       @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return flows.list(readable(tenant), filter, PageRequest.of(offset, limit));
    }

    @GET
    @Path("node-types")
    public List<NodeTypeDocument> nodeTypes() {
        callers.caller();
        return Arrays.stream(NodeType.values()).map(NodeTypeDocument::of).toList();
    }

    @NotAudited("checks a graph, stores nothing")
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    public CheckResult check(GraphRequest request, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = readable(tenant);
        return flows.check(addressed, validation.check(request, addressed.key()).graph());
    }

    @GET
    @Path("{id}/versions")
    public List<CallFlowVersionDocument> versions(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        return flows.versions(readable(tenant), id);
    }

    @GET
    @Path("{id}/versions/{version}")
    public CallFlowVersionDocument version(@PathParam("id") long id, @PathParam("version") int version,
                                           @QueryParam("tenant") String tenant) {
        return flows.version(readable(tenant), id, version);
    }

    /** Makes this version the one new calls run: a rollback, or a roll forward again. */
    @POST
    @Path("{id}/versions/{version}/activate")
    public Response activate(@PathParam("id") long id, @PathParam("version") int version, @QueryParam("tenant") String tenant,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CallFlowDocument flow = flows.activate(writable(tenant), id, version, ifMatch, callers.caller());
        return Response.ok(flow).tag(EntityVersion.tag(flow.version())).build();
    }
}
