package io.verbund.acd.storage;

import io.verbund.acd.runtime.problem.ApiProblem;
import io.verbund.acd.tenant.TenantKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A storage failure the client caused or can act on, with its own HTTP status and the numbers it
 * needs to act (e.g. {@code usageBytes} and {@code limitBytes} of a full quota) as extra members
 * of the problem document, and headers the protocol requires (e.g. {@code Upload-Offset}).
 */
public class StorageProblem extends ApiProblem {

    private final int status;
    private final Map<String, Object> members;
    private final Map<String, String> headers;

    protected StorageProblem(int status, String slug, String title, String detail, TenantKey tenant,
                             Map<String, Object> members, Map<String, String> headers) {
        super(slug, title, detail, tenant);
        this.status = status;
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public int status() {
        return status;
    }

    /** Extra members of the problem document: numbers and strings only. */
    public Map<String, Object> members() {
        return members;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 400: a file name that could leave the tenant's folder, hide a file, or is not a name at all. */
    public static StorageProblem invalidName(String detail) {
        return new StorageProblem(400, "invalid-file-name", "Invalid file name", detail, null, Map.of(), Map.of());
    }

    /** 400: the body's SHA-256 is not the one the client said it sent; nothing was stored. */
    public static StorageProblem checksumMismatch(TenantKey tenant, String expected, String actual) {
        return new StorageProblem(400, "checksum-mismatch", "Checksum mismatch",
                "The body's SHA-256 is " + actual + ", not the expected " + expected + "; nothing was stored",
                tenant, Map.of("expectedSha256", expected, "actualSha256", actual), Map.of());
    }

    /** 413: one file larger than its category allows. */
    public static StorageProblem tooLarge(TenantKey tenant, String category, long limitBytes) {
        return new StorageProblem(413, "file-too-large", "File too large",
                "Files of category " + category + " may have at most " + limitBytes + " bytes; nothing was stored",
                tenant, Map.of("category", category, "limitBytes", limitBytes), Map.of());
    }

    /** 507: the tenant's quota would be exceeded. */
    public static StorageProblem quotaExceeded(TenantKey tenant, long usageBytes, long requestedBytes, long limitBytes) {
        return new StorageProblem(507, "quota-exceeded", "Storage quota exceeded",
                "Tenant " + tenant + " uses " + usageBytes + " of its " + limitBytes + " bytes; " + requestedBytes
                        + " more do not fit; nothing was stored",
                tenant, Map.of("usageBytes", usageBytes, "limitBytes", limitBytes, "requestedBytes", requestedBytes), Map.of());
    }

    /** 404: no such file in the tenant's category (a file of another tenant looks exactly like this). */
    public static StorageProblem unknownFile(TenantKey tenant, String category, String name) {
        return new StorageProblem(404, "unknown-file", "Unknown file",
                "There is no file '" + name + "' in " + category, tenant, Map.of(), Map.of());
    }

    /** 404: a category name that is none. */
    public static StorageProblem unknownCategory(String segment) {
        return new StorageProblem(404, "unknown-category", "Unknown category",
                "'" + io.verbund.acd.runtime.problem.ClientText.echo(segment, 40) + "' is no file category; known: "
                        + io.verbund.acd.runtime.storage.FileCategory.known(), null, Map.of(), Map.of());
    }

    /** 409: the file exists and the client asked for a new one, or is in a state that forbids this. */
    public static StorageProblem conflict(TenantKey tenant, String detail) {
        return new StorageProblem(409, "file-conflict", "File conflict", detail, tenant, Map.of(), Map.of());
    }

    /** 409 of the streaming upload protocol: the client's offset is not where the file ends. */
    public static StorageProblem offsetMismatch(TenantKey tenant, long offset, long length, String detail) {
        return new StorageProblem(409, "upload-offset-mismatch", "Upload offset mismatch", detail, tenant,
                Map.of("offset", offset, "uploadOffset", length), Map.of("Upload-Offset", Long.toString(length)));
    }

    /** 412: {@code If-None-Match: *} and the file exists. */
    public static StorageProblem exists(TenantKey tenant, String name) {
        return new StorageProblem(412, "file-exists", "File exists",
                "'" + name + "' exists and the request said If-None-Match: *", tenant, Map.of(), Map.of());
    }

    /** 415 for a file that is no audio at all, 422 for audio in a format prompts cannot have. */
    public static StorageProblem invalidPrompt(TenantKey tenant, String reason, boolean notAudio) {
        return new StorageProblem(notAudio ? 415 : 422, "invalid-prompt", "Invalid prompt", reason + "; nothing was stored",
                tenant, Map.of(), Map.of());
    }

    /** 413: one append larger than the streaming protocol allows. */
    public static StorageProblem appendTooLarge(TenantKey tenant, long limitBytes) {
        return new StorageProblem(413, "append-too-large", "Append too large",
                "One append may carry at most " + limitBytes + " bytes; send the rest in further appends",
                tenant, Map.of("limitBytes", limitBytes), Map.of());
    }

    /** 404: the retention sweep has not run yet. */
    public static final class NoRun extends StorageProblem {
        public NoRun() {
            super(404, "no-retention-run", "No retention run", "The retention sweep has not run yet", null, Map.of(), Map.of());
        }
    }

    /** 416: the requested range lies outside the file. */
    public static StorageProblem rangeNotSatisfiable(TenantKey tenant, long length) {
        return new StorageProblem(416, "range-not-satisfiable", "Range not satisfiable",
                "The requested range lies outside the file's " + length + " bytes", tenant,
                Map.of("size", length), Map.of("Content-Range", "bytes */" + length));
    }
}
