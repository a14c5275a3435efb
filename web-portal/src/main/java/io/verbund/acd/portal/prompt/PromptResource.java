package io.verbund.acd.portal.prompt;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.portal.storage.StorageRefused;
import io.verbund.acd.portal.storage.StoredAudio;
import io.verbund.acd.runtime.problem.ApiProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code /prompts}: the system prompts and the tenant's own. Admins upload (WAV of 16-bit PCM or
 * G.711, or raw G.711 as {@code audio/basic}/{@code audio/PCMA}; storage-service converts it to
 * µ-law and its refusals come back as they are) and remove; supervisors too may list and listen,
 * with byte ranges so a player can seek.
 */
@Path("prompts")
@RequestScoped
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {

    private static final String WAV = "audio/wav";
    /**
     * The most the portal reads of an upload before handing it on: ten minutes (storage-service's
     * longest prompt) of 16-bit PCM at 48 kHz mono is 57.6 MB.
     */
    static final int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

    private final Prompts prompts;
    private final TenantAddressing addressing;
    private final CallerContext callers;

    @Inject
    public PromptResource(Prompts prompts, TenantAddressing addressing, CallerContext callers) {
        this.prompts = prompts;
        this.addressing = addressing;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public PromptResource() {
        this(null, null, null);
    }

    /** The system prompts ({@code system: true}), then the tenant's uploaded ones; not paged (a tenant has few). */
    @GET
    public Page<PromptDocument> list(@QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forReading(callers.caller(), tenant);
        List<PromptDocument> all = prompts.list(addressed);
        return new Page<>(all, all.size(), 0, all.size());
    }

    /**
     * Uploads or replaces the tenant's prompt: 201 + {@code Location} when new, 200 when replaced.
     * 409 for a system prompt's name; 413, 415 and 422 with storage-service's sentence for audio it
     * cannot use.
     */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    @ChangesConfiguration("prompt")
    @Audited("prompt")
    public Response upload(@PathParam("name") String name, @QueryParam("tenant") String tenant, InputStream body,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uri) throws IOException {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        if (!PromptName.valid(name)) {
            throw InvalidFields.of("name", "a prompt name has " + PromptName.RULE, addressed.key());
        }
        byte[] audio = body == null ? new byte[0] : body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (audio.length > MAX_UPLOAD_BYTES) {
            throw new StorageRefused(413, ApiProblem.TYPE_PREFIX + "file-too-large", "A prompt upload may have at most "
                    + MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB (ten minutes of 16-bit PCM at 48 kHz mono is 57.6 MB)", addressed.key());
        }
        Prompts.Upload upload = prompts.upload(addressed, new PromptName(name), audio,
                contentType == null || contentType.isBlank() ? WAV : contentType, callers.caller());
        return upload.created() ? Response.created(uri.getAbsolutePath()).entity(upload.prompt()).build() : Response.ok(upload.prompt()).build();
    }

    /** The stored prompt as µ-law WAV; {@code Range} gives 206 (or 416), so a browser's player can seek. */
    @GET
    @Path("{name}")
    @Produces({WAV, MediaType.WILDCARD})
    public Response play(@PathParam("name") String name, @QueryParam("tenant") String tenant,
                         @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        AddressedTenant addressed = addressing.forReading(callers.caller(), tenant);
        return StoredAudio.of(prompts.open(addressed, name, Optional.ofNullable(range), Optional.ofNullable(ifRange)));
    }

    /** Removes the tenant's prompt: 204; 409 while the current version of a call flow plays it, or for a system prompt. */
    @DELETE
    @Path("{name}")
    @ChangesConfiguration("prompt")
    @Audited("prompt")
    public Response remove(@PathParam("name") String name, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        prompts.remove(addressed, name, callers.caller());
        return Response.noContent().build();
    }
}
