package io.verbund.acd.portal.audit;

import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.runtime.audit.AuditAction;
import io.verbund.acd.runtime.audit.AuditActor;
import io.verbund.acd.runtime.audit.AuditEntry;
import io.verbund.acd.runtime.audit.AuditLog;
import io.verbund.acd.runtime.audit.AuditSummary;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.TenantId;
import io.verbund.acd.runtime.security.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records every successful write (POST, PUT, PATCH, DELETE) of an {@link Audited} resource in the
 * {@link AuditLog}: who (user or token, roles), when (the log's clock), from where, in which tenant,
 * what (entity type and id, created/changed/deleted) and a compact summary of the change: the
 * fields that differ between the document before ({@link AuditTrail#before}) and the one answered,
 * the names of secrets the request set. One place for every resource, so none can forget it; the
 * transaction of the change has committed by the time the response is filtered.
 */
@Provider
@ApplicationScoped
public class AuditRecorder implements ContainerResponseFilter, ReaderInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String BODY = AuditRecorder.class.getName() + ".body";

    private final AuditLog log;
    private final CallerContext callers;
    private final TenantAddressing addressing;
    private final AuditTrail trail;

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest servletRequest;

    @Inject
    public AuditRecorder(AuditLog log, CallerContext callers, TenantAddressing addressing, AuditTrail trail) {
        this.log = log;
        this.callers = callers;
        this.addressing = addressing;
        this.trail = trail;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public AuditRecorder() {
        this(null, null, null, null);
    }

    /** Keeps the request's body as read, so the summary can name the secrets it set (never their values). */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        context.setProperty(BODY, body);
        return body;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 300 || resource == null
                || resource.getResourceMethod() == null) {
            return;
        }
        Audited marker = marker(resource.getResourceMethod(), resource.getResourceClass());
        if (marker == null) {
            return;
        }
        try {
            log.record(entry(marker.value(), request, response));
        } catch (RuntimeException e) {
            // The change has committed; failing its answer now would only make the client repeat it.
            LOG.log(Level.SEVERE, "event=audit-not-recorded entity=" + marker.value() + " method=" + request.getMethod()
                    + " path=" + request.getUriInfo().getPath() + " reason=\"" + e + "\"", e);
        }
    }

    private AuditEntry entry(String entityType, ContainerRequestContext request, ContainerResponseContext response) {
        AuditActor actor = AuditActor.of(callers);
        AuditAction action = trail.action() != null ? trail.action() : action(request.getMethod(), response);
        Object body = request.getProperty(BODY);
        JsonObject before = document(trail.before());
        JsonObject answered = document(response.getEntity());
        // Without an answer, what the client sent is the best account of the change (a KPI definition).
        JsonObject after = answered != null || action == AuditAction.DELETED ? answered : document(body);
        if (action == AuditAction.DELETED && before == null) {
            before = after; // a revoke answers the revoked thing
            after = null;
        }
        String summary = AuditSummary.of(action, before, after, secretsSet(body), trail.details());
        String entityId = trail.entityId() != null ? trail.entityId() : entityId(request, response);
        return new AuditEntry(tenant(request), actor, log.clock().instant(), clientAddress(servletRequest), entityType,
                entityId, action, summary);
    }

    /** Made on first use: JSON-B is the server's (WildFly's Yasson), not on a unit test's class path. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    /** Where the request came from: the client haproxy saw when it came through a trusted proxy. */
    static String clientAddress(HttpServletRequest request) {
        return request == null ? null : ClientAddress.of(request);
    }

    private TenantId tenant(ContainerRequestContext request) {
        if (trail.tenant() != null) {
            return trail.tenant();
        }
        Caller caller = callers.caller();
        String named = request.getUriInfo().getQueryParameters().getFirst("tenant");
        // The resource accepted this tenant for the caller a moment ago.
        return addressing.resolve(caller, named).id();
    }

    private static AuditAction action(String method, ContainerResponseContext response) {
        return switch (method) {
            case "POST" -> response.getStatus() == 201 ? AuditAction.CREATED : AuditAction.CHANGED;
            case "DELETE" -> AuditAction.DELETED;
            default -> AuditAction.CHANGED;
        };
    }

    /** A created thing's id from its Location; otherwise the path below the resource, e.g. {@code 12/members/1004}. */
    static String entityId(ContainerRequestContext request, ContainerResponseContext response) {
        URI location = response.getLocation();
        if (location != null && response.getStatus() == 201) {
            String path = location.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return below(request.getUriInfo().getPath());
    }

    /** The path below its first segment: {@code /groups/12/members/1004} gives {@code 12/members/1004}; null for none. */
    static String below(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        int slash = relative.indexOf('/');
        return slash < 0 || slash == relative.length() - 1 ? null : relative.substring(slash + 1);
    }

    /** A document as JSON, the way the API answers it; null for anything that is not an object (a stream, a list). */
    static JsonObject document(Object entity) {
        if (entity == null || entity instanceof String || entity instanceof byte[] || entity instanceof java.io.InputStream
                || entity instanceof jakarta.ws.rs.core.StreamingOutput) {
            return null;
        }
        if (entity instanceof JsonObject json) {
            return json;
        }
        try {
            JsonValue value = Json.createReader(new StringReader(Binding.JSONB.toJson(entity))).readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The secret fields (by {@link AuditSummary#secret}) the request body set: names only. */
    static List<String> secretsSet(Object body) {
        List<String> names = new ArrayList<>();
        if (body instanceof JsonObject json) {
            json.forEach((field, value) -> {
                if (AuditSummary.secret(field) && value.getValueType() != JsonValue.ValueType.NULL) {
                    names.add(field);
                }
            });
        } else if (body != null && body.getClass().isRecord()) {
            for (RecordComponent component : body.getClass().getRecordComponents()) {
                if (AuditSummary.secret(component.getName()) && present(component, body)) {
                    names.add(component.getName());
                }
            }
        }
        return names;
    }

    private static boolean present(RecordComponent component, Object body) {
        try {
            Object value = component.getAccessor().invoke(body);
            return value != null && !(value instanceof String text && text.isEmpty());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The method's marker, else its class's (the concrete resource class, for inherited methods); none when the method opts out. */
    static Audited marker(Method method, Class<?> type) {
        if (method.isAnnotationPresent(NotAudited.class)) {
            return null;
        }
        Audited onMethod = method.getAnnotation(Audited.class);
        return onMethod != null ? onMethod : type == null ? null : type.getAnnotation(Audited.class);
    }
}
