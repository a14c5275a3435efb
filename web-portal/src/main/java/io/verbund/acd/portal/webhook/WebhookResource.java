package io.verbund.acd.portal.webhook;

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
 * {@code /webhooks}: the webhooks of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Tenant admins read and change them. Single webhooks are
 * served with an ETag; changes name the version they were made from.
 */
@Path("webhooks")
@RequestScoped
@ChangesConfiguration("webhook")
@Audited("webhook")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource extends TenantItemResource<WebhookRequest, WebhookDocument> {

    private final Webhooks webhooks;

    @Inject
    public WebhookResource(Webhooks webhooks, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        super(webhooks, addressing, validation, callers);
        this.webhooks = webhooks;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public WebhookResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<WebhookDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = readable(tenant);
        return webhooks.list(addressed, filter, PageRequest.of(offset, limit));
    }

    @Override
    protected AddressedTenant readable(String tenant) {
        return addressing.forChanging(callers.caller(), tenant);
    }
}
