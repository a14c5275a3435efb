package io.verbund.acd.portal.webhook;

import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
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

/**
 * {@code /webhooks}: the webhooks of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Tenant admins read and change them. Single webhooks are
 * served with an ETag; changes name the version they were made from.
 */
@Path("webhooks")
@RequestScoped
@ChangesConfiguration("webhook")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;

    @Inject
    public WebhookResource(Webhooks webhooks, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        this.webhooks = webhooks;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public WebhookResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<WebhookDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        return webhooks.list(addressed, filter, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        WebhookDocument webhook = webhooks.get(addressing.forChanging(callers.caller(), tenant), id);
        return Response.ok(webhook).tag(EntityVersion.tag(webhook.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(WebhookRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        WebhookDocument webhook = webhooks.create(addressed, validation.check(request, addressed.key()), callers.caller().login());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(webhook.id())).build())
                .tag(EntityVersion.tag(webhook.version())).entity(webhook).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") long id, WebhookRequest request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        WebhookDocument webhook = webhooks.replace(addressed, id, validation.check(request, addressed.key()), ifMatch, callers.caller().login());
        return Response.ok(webhook).tag(EntityVersion.tag(webhook.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        webhooks.remove(addressing.forChanging(callers.caller(), tenant), id, ifMatch, callers.caller().login());
        return Response.noContent().build();
    }
}
