package io.verbund.acd.portal.token;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api-tokens}: tenant admins list, create and revoke the tenant's API tokens. There is no
 * {@code @ApiArea}: a token can never manage tokens, so a leaked one cannot make itself more.
 */
@Path("api-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final ApiTokens tokens;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;

    @Inject
    public TokenResource(ApiTokens tokens, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        this.tokens = tokens;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public TokenResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<TokenDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return tokens.list(addressing.forChanging(callers.caller(), tenant), filter, PageRequest.of(offset, limit));
    }

    /** The answer carries the token's secret, once; it cannot be read again. */
    @Audited("api-token")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TokenRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        TokenDocument token = tokens.create(addressed, validation.check(request, addressed.key()), callers.caller());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(token.id())).build()).entity(token).build();
    }

    @Audited("api-token")
    @DELETE
    @Path("{id}")
    public TokenDocument revoke(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        return tokens.revoke(addressing.forChanging(callers.caller(), tenant), id, callers.caller());
    }
}
