package io.verbund.acd.portal.storage;

import io.verbund.acd.runtime.problem.Problem;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link StorageRefused} as problem+json with the status storage-service gave (413, 415, 422, 507, …). */
@Provider
public class StorageRefusedMapper implements ExceptionMapper<StorageRefused> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(StorageRefused refused) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Problem problem = new Problem(refused.type(), refused.title(), refused.status(), refused.detail(), instance(),
                refused.tenant().map(Object::toString).orElse(null));
        return Response.status(refused.status()).type(Problem.MEDIA_TYPE).cacheControl(noStore).entity(problem).build();
    }

    private String instance() {
        try {
            return request == null ? null : request.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
