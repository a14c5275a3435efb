package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.problem.Problem;
import io.verbund.acd.storage.StorageProblem;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * {@link StorageProblem}s as {@code application/problem+json} with their own status, the extra
 * members that name the numbers (usage and limit of a quota, the upload's offset) and the headers
 * the protocol asks for ({@code Upload-Offset}, {@code Content-Range}).
 */
@Provider
public class StorageProblemMapper implements ExceptionMapper<StorageProblem> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(StorageProblem problem) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", problem.type()).add("title", problem.title()).add("status", problem.status())
                .add("detail", problem.detail());
        String instance = instance();
        if (instance != null) {
            body.add("instance", instance);
        }
        problem.tenant().ifPresent(tenant -> body.add("tenant", tenant.value()));
        problem.members().forEach((name, value) -> {
            if (value instanceof Long number) {
                body.add(name, number);
            } else if (value instanceof Integer number) {
                body.add(name, number);
            } else {
                body.add(name, String.valueOf(value));
            }
        });
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).cacheControl(noStore)
                .entity(body.build().toString());
        problem.headers().forEach(response::header);
        return response.build();
    }

    private String instance() {
        try {
            return request == null ? null : request.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
