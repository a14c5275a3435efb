package io.verbund.acd.runtime.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The body of an error answer, RFC 9457 {@code application/problem+json}. Members that are null
 * are left out of the JSON.
 *
 * @param type     a URN naming the kind of problem, stable for clients to switch on
 * @param title    short, the same for every problem of the type
 * @param status   the HTTP status, repeated for clients that only see the body
 * @param detail   this occurrence, for the client: never a stack trace or SQL
 * @param instance the path of the request that failed
 * @param tenant   the tenant the request addressed, where known
 * @param errors   one entry per invalid field of the request body; null when the problem is not about fields
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "tenant", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String tenant,
                      java.util.List<FieldProblem> errors) {

    public Problem(String type, String title, int status, String detail, String instance, String tenant) {
        this(type, title, status, detail, instance, tenant, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** For problems no more specific type fits: RFC 9457's default. */
    public static final String ABOUT_BLANK = "about:blank";
}
