package io.verbund.acd.portal.user;

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
 * {@code /users}: the portal users of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Tenant admins read and change them. Single users are
 * served with an ETag; changes name the version they were made from.
 */
@Path("users")
@RequestScoped
@ChangesConfiguration("user")
@Audited("user")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource extends TenantItemResource<UserRequest, UserDocument> {

    private final Users users;

    @Inject
    public UserResource(Users users, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        super(users, addressing, validation, callers);
        this.users = users;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public UserResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<UserDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = readable(tenant);
        return users.list(addressed, filter, PageRequest.of(offset, limit));
    }

    @Override
    protected AddressedTenant readable(String tenant) {
        return addressing.forChanging(callers.caller(), tenant);
    }
}
