package io.verbund.acd.runtime.problem;

import io.verbund.acd.tenant.TenantKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure an API client caused or can act on, answered as a problem document. The message is the
 * problem's {@code detail}: written for the client, so it must never contain SQL, credentials or
 * another exception's message. Each subclass family has its own mapper and HTTP status.
 */
public abstract class ApiProblem extends RuntimeException {

    /** Problem types are URNs of this prefix plus a slug, e.g. {@code urn:verbund-acd:problem:unknown-agent}. */
    public static final String TYPE_PREFIX = "urn:verbund-acd:problem:";

    private final String slug;
    private final String title;
    private final TenantKey tenant;

    protected ApiProblem(String slug, String title, String detail, TenantKey tenant, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause, false, cause != null);
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.tenant = tenant;
    }

    protected ApiProblem(String slug, String title, String detail, TenantKey tenant) {
        this(slug, title, detail, tenant, null);
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Problems with single fields of the request body; empty unless the problem is about fields. */
    public java.util.List<FieldProblem> fieldProblems() {
        return java.util.List.of();
    }

    /** The tenant the request addressed, where it is known and the caller may see it. */
    public Optional<TenantKey> tenant() {
        return Optional.ofNullable(tenant);
    }
}
