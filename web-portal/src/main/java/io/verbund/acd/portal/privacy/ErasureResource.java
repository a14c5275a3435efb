package io.verbund.acd.portal.privacy;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.AuditTrail;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.audit.AuditAction;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /privacy/erasures} with {@code {"caller":"+4930123456"}}: a tenant admin (or a
 * system admin naming the tenant) removes a caller's recordings, voicemails and number from the
 * tenant's records ({@link CallerErasures}); 200 with what was removed. Idempotent. Recorded in
 * the audit log with the number masked. No {@code @ApiArea}: API tokens cannot erase.
 */
@Path("privacy/erasures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final CallerErasures erasures;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;
    private final AuditTrail audit;

    @Inject
    public ErasureResource(CallerErasures erasures, TenantAddressing addressing, BodyValidation validation, CallerContext callers,
                           AuditTrail audit) {
        this.erasures = erasures;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
        this.audit = audit;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ErasureResource() {
        this(null, null, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited("caller-data")
    public ErasureDocument erase(ErasureRequest request, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        if (request == null) {
            throw new MalformedRequest("The request needs a JSON body naming the caller: {\"caller\":\"+4930123456\"}");
        }
        String caller = validation.check(request, addressed.key()).caller().strip();
        ErasureDocument erased = erasures.erase(addressed, caller);
        audit.action(AuditAction.DELETED);
        audit.entityId(erased.caller());
        return erased;
    }
}
