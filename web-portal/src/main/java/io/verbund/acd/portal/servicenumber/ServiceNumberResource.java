package io.verbund.acd.portal.servicenumber;

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
 * {@code /service-numbers}: the service numbers of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Supervisors read, tenant admins change. Single numbers are
 * served with an ETag; changes name the version they were made from.
 */
@Path("service-numbers")
@RequestScoped
@ChangesConfiguration("service-number")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceNumberResource {

    private final ServiceNumbers numbers;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;

    @Inject
    public ServiceNumberResource(ServiceNumbers numbers, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        this.numbers = numbers;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ServiceNumberResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<ServiceNumberDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forReading(callers.caller(), tenant);
        return numbers.list(addressed, filter, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        ServiceNumberDocument number = numbers.get(addressing.forReading(callers.caller(), tenant), id);
        return Response.ok(number).tag(EntityVersion.tag(number.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ServiceNumberRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        ServiceNumberDocument number = numbers.create(addressed, validation.check(request, addressed.key()), callers.caller().login());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(number.id())).build())
                .tag(EntityVersion.tag(number.version())).entity(number).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") long id, ServiceNumberRequest request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        ServiceNumberDocument number = numbers.replace(addressed, id, validation.check(request, addressed.key()), ifMatch, callers.caller().login());
        return Response.ok(number).tag(EntityVersion.tag(number.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        numbers.remove(addressing.forChanging(callers.caller(), tenant), id, ifMatch, callers.caller().login());
        return Response.noContent().build();
    }
}
