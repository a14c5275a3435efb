package io.verbund.acd.storage.http;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.ServiceAccess;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.FileTypes;
import io.verbund.acd.storage.StorageProblem;
import io.verbund.acd.storage.StorageSettings;
import io.verbund.acd.storage.audio.InvalidPrompt;
import io.verbund.acd.storage.audio.PromptAudio;
import io.verbund.acd.storage.file.AtomicWrite;
import io.verbund.acd.storage.file.FileName;
import io.verbund.acd.storage.file.FileStore;
import io.verbund.acd.storage.file.Sha256;
import io.verbund.acd.storage.file.StoredFile;
import io.verbund.acd.storage.quota.Quota;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A tenant's files by category: list, upload whole (atomic, checksummed), download with ranges,
 * delete, verify; and the streaming upload of a file that grows while a call runs. Thin: it maps
 * HTTP to the {@link FileStore} and checks access, quota and size on the way.
 */
@Path("api/v1/tenants/{tenant}")
@RequestScoped
@ApiArea(ApiArea.Area.STORAGE)
@ServiceAccess
public class FilesResource {

    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String FILE_COMPLETE = "X-File-Complete";
    private static final int MAX_PAGE = 1000;
    private static final int MAX_OVERWRITE = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(FilesResource.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final FileStore store;
    private final StorageAccess access;
    private final StorageSettings settings;
    private final UsageMeter usage;

    @Context
    private UriInfo uri;

    @Inject
    public FilesResource(FileStore store, StorageAccess access, StorageSettings settings, UsageMeter usage) {
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.usage = usage;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public FilesResource() {
        this(null, null, null, null);
    }

    @GET
    @Path("usage")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject usage(@PathParam("tenant") String tenantName) {
        TenantKey tenant = access.tenant(tenantName);
        Quota quota = usage.exact(tenant);
        JsonObjectBuilder categories = Json.createObjectBuilder();
        usage.byCategory(tenant).forEach((category, bytes) -> categories.add(category.segment(), bytes));
        return Json.createObjectBuilder().add("tenant", tenant.value()).add("usageBytes", quota.usageBytes())
                .add("limitBytes", quota.limitBytes()).add("categories", categories).build();
    }

    @GET
    @Path("files/{category}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject list(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                           @QueryParam("prefix") @DefaultValue("") String prefix,
                           @QueryParam("offset") @DefaultValue("0") int offset,
                           @QueryParam("limit") @DefaultValue("100") int limit) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new MalformedRequest("offset must be 0 or more and limit between 1 and " + MAX_PAGE);
        }
        List<FileName> names = access.reachable(tenant, category, prefix, store.names(tenant, category, prefix));
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (FileName name : names.subList(Math.min(offset, names.size()), Math.min(names.size(), offset + limit))) {
            store.find(tenant, category, name).ifPresent(file -> items.add(json(file)));
        }
        return Json.createObjectBuilder().add("tenant", tenant.value()).add("category", category.segment())
                .add("offset", offset).add("limit", limit).add("total", names.size()).add("items", items).build();
    }

    @PUT
    @Path("files/{category}/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                        @PathParam("name") String fileName, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                        @HeaderParam(Checksums.HEX_HEADER) String checksum, @HeaderParam(Checksums.REPR_DIGEST) String reprDigest,
                        @HeaderParam(Checksums.CONTENT_DIGEST) String contentDigest,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, InputStream body) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        access.requireMayWrite(tenant, category);
        requireType(tenant, category, contentType, HttpHeaders.CONTENT_TYPE);
        Optional<Sha256> expected = Checksums.expected(checksum, reprDigest, contentDigest);
        boolean mustBeNew = "*".equals(ifNoneMatch == null ? null : ifNoneMatch.strip());
        long maxFile = settings.maxFileBytes(category);
        long replacedSize = store.find(tenant, category, name).map(StoredFile::size).orElse(0L);
        Quota quota = usage.exact(tenant);
        if (contentLength != null && contentLength > maxFile) {
            throw StorageProblem.tooLarge(tenant, category.segment(), maxFile);
        }
        if (contentLength != null) {
            quota.admit(contentLength, replacedSize);
        }
        long limit = Math.min(maxFile, quota.maxBody(replacedSize));
        FileStore.Stored stored;
        try {
            if (category == FileCategory.PROMPTS) {
                byte[] raw = readBounded(body, limit);
                if (expected.isPresent() && !expected.get().equals(Sha256.ofBytes(raw))) {
                    throw StorageProblem.checksumMismatch(tenant, expected.get().hex(), Sha256.ofBytes(raw).hex());
                }
                byte[] wav = prompt(tenant, name, contentType, raw);
                quota.admit(wav.length, replacedSize);
                stored = store.store(tenant, category, name, new java.io.ByteArrayInputStream(wav), wav.length, Optional.empty(),
                        "audio/wav", mustBeNew);
            } else {
                stored = store.store(tenant, category, name, body, limit, expected, mediaType(contentType), mustBeNew);
            }
        } catch (AtomicWrite.LimitExceeded e) {
            if (e.limit() >= maxFile) {
                throw StorageProblem.tooLarge(tenant, category.segment(), maxFile);
            }
            throw StorageProblem.quotaExceeded(tenant, quota.usageBytes(), e.limit() + 1, quota.limitBytes());
        }
        usage.added(tenant, stored.file().size() - stored.replacedSize());
        LOG.infof("stored %s/%s/%s (%d bytes, sha256 %s)", tenant, category.segment(), name, stored.file().size(),
                stored.file().sha256().map(Sha256::hex).orElse("-"));
        Response.ResponseBuilder response = stored.replaced() ? Response.ok() : Response.created(uri.getAbsolutePath());
        return withChecksum(response, stored.file()).entity(json(stored.file())).build();
    }

    @GET
    @Path("files/{category}/{name}")
    public Response get(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                        @PathParam("name") String fileName, @HeaderParam("Range") String range,
                        @HeaderParam("If-Range") String ifRange) throws IOException {
        return read(tenantName, categoryName, fileName, range, ifRange, true);
    }

    @HEAD
    @Path("files/{category}/{name}")
    public Response head(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                         @PathParam("name") String fileName, @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange) throws IOException {
        return read(tenantName, categoryName, fileName, range, ifRange, false);
    }

    private Response read(String tenantName, String categoryName, String fileName, String rangeHeader, String ifRange,
                          boolean withBody) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        access.requireReachable(tenant, category, name.value());
        StoredFile file = store.find(tenant, category, name)
                .orElseThrow(() -> StorageProblem.unknownFile(tenant, category.segment(), name.value()));
        String etag = etag(file);
        boolean rangeApplies = ifRange == null || ifRange.strip().equals(etag);
        ByteRange range = ByteRange.of(rangeApplies ? rangeHeader : null, file.size());
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            throw StorageProblem.rangeNotSatisfiable(tenant, file.size());
        }
        Response.ResponseBuilder response = range.kind() == ByteRange.Kind.PART
                ? Response.status(206).header("Content-Range", range.contentRange(file.size()))
                : Response.ok();
        long length = file.size() == 0 ? 0 : range.length();
        // Served on the portal's origin: never the uploader's type as such, never rendered in place.
        response.type(FileTypes.served(category, file.contentType()))
                .header("Content-Disposition", FileTypes.attachment(name.value()))
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", FileTypes.DOWNLOAD_POLICY).header("Accept-Ranges", "bytes").header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.ETAG, etag).header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(file.modified()))
                .header(FILE_COMPLETE, Boolean.toString(file.complete()));
        withChecksum(response, file);
        if (!withBody || length == 0) {
            return response.build();
        }
        FileChannel channel = store.open(tenant, category, name)
                .orElseThrow(() -> StorageProblem.unknownFile(tenant, category.segment(), name.value()));
        long first = range.kind() == ByteRange.Kind.PART ? range.first() : 0;
        StreamingOutput content = out -> copy(channel, first, length, out);
        return response.entity(content).build();
    }

    private static void copy(FileChannel channel, long first, long length, OutputStream out) throws IOException {
        try (channel) {
            WritableByteChannel target = Channels.newChannel(out);
            long position = first;
            long end = first + length;
            while (position < end) {
                long sent = channel.transferTo(position, end - position, target);
                if (sent <= 0) {
                    break;
                }
                position += sent;
            }
        }
    }

    @DELETE
    @Path("files/{category}/{name}")
    public Response delete(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                           @PathParam("name") String fileName) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        access.requireReachable(tenant, category, name.value());
        long size = store.find(tenant, category, name).map(StoredFile::size).orElse(0L);
        if (!store.delete(tenant, category, name)) {
            throw StorageProblem.unknownFile(tenant, category.segment(), name.value());
        }
        usage.added(tenant, -size);
        LOG.infof("deleted %s/%s/%s", tenant, category.segment(), name);
        return Response.noContent().build();
    }

    @GET
    @Path("files/{category}/{name}/metadata")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject metadata(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                               @PathParam("name") String fileName) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        return json(existing(tenant, category, name));
    }

    /** Reads the whole file again and compares it with the checksum recorded when it was written. */
    @GET
    @Path("files/{category}/{name}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject verify(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                             @PathParam("name") String fileName) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        StoredFile file = existing(tenant, category, name);
        Sha256 actual = store.digest(tenant, category, name);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("name", name.value()).add("complete", file.complete())
                .add("actualSha256", actual.hex());
        file.sha256().ifPresentOrElse(recorded -> answer.add("recordedSha256", recorded.hex()), () -> answer.addNull("recordedSha256"));
        return answer.add("intact", file.sha256().map(actual::equals).orElse(false)).build();
    }

    // --- Streaming uploads: create, append at an offset, overwrite a range, complete (docs/architecture.md).

    @POST
    @Path("files/{category}/{name}/upload")
    @Produces(MediaType.APPLICATION_JSON)
    public Response startUpload(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                                @PathParam("name") String fileName, @HeaderParam("Upload-Content-Type") String uploadType) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        refusePrompts(tenant, category);
        access.requireMayWrite(tenant, category);
        requireType(tenant, category, uploadType, "Upload-Content-Type");
        boolean existed = store.find(tenant, category, name).isPresent();
        StoredFile file = store.startUpload(tenant, category, name, mediaType(uploadType));
        if (!existed) {
            LOG.infof("streaming upload of %s/%s/%s started", tenant, category.segment(), name);
        }
        Response.ResponseBuilder response = existed ? Response.ok() : Response.created(uri.getAbsolutePath());
        return response.header(UPLOAD_OFFSET, file.size()).entity(json(file)).build();
    }

    @HEAD
    @Path("files/{category}/{name}/upload")
    public Response uploadOffset(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                                 @PathParam("name") String fileName) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        StoredFile file = existing(tenant, category, name);
        return Response.ok().header(UPLOAD_OFFSET, file.size()).header(FILE_COMPLETE, Boolean.toString(file.complete()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Appends the body at {@code Upload-Offset}; answers the new end in {@code Upload-Offset}. */
    @PATCH
    @Path("files/{category}/{name}/upload")
    public Response append(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                           @PathParam("name") String fileName, @HeaderParam(UPLOAD_OFFSET) String offsetHeader,
                           InputStream body) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        access.requireMayWrite(tenant, category);
        long offset = offset(offsetHeader);
        byte[] bytes = readAppend(tenant, body);
        StoredFile file = existing(tenant, category, name);
        long growth = Math.max(0, offset + bytes.length - file.size());
        if (file.size() + growth > settings.maxFileBytes(category)) {
            throw StorageProblem.tooLarge(tenant, category.segment(), settings.maxFileBytes(category));
        }
        usage.recent(tenant).admit(growth, 0);
        long end = store.append(tenant, category, name, offset, bytes);
        usage.added(tenant, growth);
        return Response.noContent().header(UPLOAD_OFFSET, end).build();
    }

    /** Overwrites bytes already written (at most 64 KiB), e.g. the WAV header once the length is known. */
    @PUT
    @Path("files/{category}/{name}/upload/range")
    public Response overwrite(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                              @PathParam("name") String fileName, @HeaderParam(UPLOAD_OFFSET) String offsetHeader,
                              InputStream body) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        access.requireMayWrite(tenant, category);
        long offset = offset(offsetHeader);
        byte[] bytes;
        try {
            bytes = readBounded(body, MAX_OVERWRITE);
        } catch (AtomicWrite.LimitExceeded e) {
            throw new MalformedRequest("An overwrite may carry at most " + MAX_OVERWRITE + " bytes");
        }
        store.overwrite(tenant, category, name, offset, bytes);
        return Response.noContent().build();
    }

    @POST
    @Path("files/{category}/{name}/upload/complete")
    @Produces(MediaType.APPLICATION_JSON)
    public Response complete(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                             @PathParam("name") String fileName, @HeaderParam(Checksums.HEX_HEADER) String checksum,
                             @HeaderParam(Checksums.REPR_DIGEST) String reprDigest) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        access.requireMayWrite(tenant, category);
        StoredFile file = store.complete(tenant, category, name, Checksums.expected(checksum, reprDigest, null));
        LOG.infof("streaming upload of %s/%s/%s complete (%d bytes)", tenant, category.segment(), name, file.size());
        return withChecksum(Response.ok(), file).entity(json(file)).build();
    }

    /** Gives up a streaming upload: the incomplete file is removed. */
    @DELETE
    @Path("files/{category}/{name}/upload")
    public Response abort(@PathParam("tenant") String tenantName, @PathParam("category") String categoryName,
                          @PathParam("name") String fileName) throws IOException {
        TenantKey tenant = access.tenant(tenantName);
        FileCategory category = StorageAccess.category(categoryName);
        FileName name = new FileName(fileName);
        access.requireMayWrite(tenant, category);
        StoredFile file = existing(tenant, category, name);
        if (file.complete()) {
            throw StorageProblem.conflict(tenant, "'" + name + "' is complete; delete the file instead of its upload");
        }
        store.delete(tenant, category, name);
        usage.added(tenant, -file.size());
        return Response.noContent().build();
    }

    private static void requireType(TenantKey tenant, FileCategory category, String contentType, String header) {
        if (!FileTypes.accepts(category, contentType)) {
            throw InvalidFields.of(header, "files of category " + category.segment() + " may be "
                    + String.join(", ", FileTypes.allowed(category).stream().sorted().toList()) + ", not " + mediaType(contentType), tenant);
        }
    }

    private void refusePrompts(TenantKey tenant, FileCategory category) {
        if (category == FileCategory.PROMPTS) {
            throw StorageProblem.conflict(tenant, "Prompts are converted when uploaded whole (PUT); they cannot be streamed");
        }
    }

    private byte[] prompt(TenantKey tenant, FileName name, String contentType, byte[] raw) {
        if (!name.extension().equals("wav")) {
            throw StorageProblem.invalidName("Prompt names end in .wav: prompts are stored as G.711 µ-law WAV files");
        }
        PromptAudio audio = new PromptAudio(settings.maxPromptLength());
        String type = mediaType(contentType).toLowerCase(Locale.ROOT);
        try {
            return switch (type) {
                case "audio/basic", "audio/pcmu" -> audio.fromRaw(raw, AudioCodec.PCMU);
                case "audio/pcma" -> audio.fromRaw(raw, AudioCodec.PCMA);
                default -> audio.fromWav(raw);
            };
        } catch (InvalidPrompt invalid) {
            throw StorageProblem.invalidPrompt(tenant, invalid.getMessage(), invalid.notAudio());
        }
    }

    private byte[] readAppend(TenantKey tenant, InputStream body) throws IOException {
        try {
            return readBounded(body, settings.maxAppendBytes());
        } catch (AtomicWrite.LimitExceeded e) {
            throw StorageProblem.appendTooLarge(tenant, settings.maxAppendBytes());
        }
    }

    private static byte[] readBounded(InputStream body, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = body.read(buffer)) >= 0) {
            total += read;
            if (total > limit) {
                throw new AtomicWrite.LimitExceeded(limit);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static long offset(String header) {
        try {
            long offset = Long.parseLong(header == null ? "" : header.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new MalformedRequest(UPLOAD_OFFSET + " must be the byte offset the body belongs at (0 or more)");
    }

    private static String mediaType(String contentType) {
        return FileTypes.mediaType(contentType);
    }

    private static String etag(StoredFile file) {
        return file.sha256().filter(sha -> file.complete()).map(sha -> "\"" + sha.hex() + "\"")
                .orElse("W/\"" + file.size() + "-" + file.modified().toEpochMilli() + "\"");
    }

    private static Response.ResponseBuilder withChecksum(Response.ResponseBuilder response, StoredFile file) {
        file.sha256().ifPresent(sha -> response.header(Checksums.HEX_HEADER, sha.hex()).header(Checksums.REPR_DIGEST, Checksums.reprDigest(sha)));
        return response;
    }

    static JsonObject json(StoredFile file) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", file.name().value()).add("size", file.size())
                .add("contentType", file.contentType()).add("created", file.created().toString())
                .add("modified", file.modified().toString()).add("complete", file.complete());
        file.sha256().ifPresentOrElse(sha -> json.add("sha256", sha.hex()), () -> json.addNull("sha256"));
        return json.build();
    }

    private StoredFile existing(TenantKey tenant, FileCategory category, FileName name) throws IOException {
        access.requireReachable(tenant, category, name.value());
        return store.find(tenant, category, name).orElseThrow(() -> StorageProblem.unknownFile(tenant, category.segment(), name.value()));
    }
}
