package io.verbund.acd.portal.servicenumber;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.api.TenantItemResource;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /service-numbers}: the service numbers of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Supervisors read, tenant admins change. Single numbers are
 * served with an ETag; changes name the version they were made from.
 */
@Path("service-numbers")
@RequestScoped
@ChangesConfiguration("service-number")
@Audited("service-number")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceNumberResource extends TenantItemResource<ServiceNumberRequest, ServiceNumberDocument> {

    private final ServiceNumbers numbers;

    @Inject
    public ServiceNumberResource(ServiceNumbers numbers, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        super(numbers, addressing, validation, callers);
        this.numbers = numbers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ServiceNumberResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<ServiceNumberDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = readable(tenant);
        return numbers.list(addressed, filter, PageRequest.of(offset, limit));
    }

}
