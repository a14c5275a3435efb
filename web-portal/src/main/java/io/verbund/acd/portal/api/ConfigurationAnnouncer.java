package io.verbund.acd.portal.api;

import io.verbund.acd.portal.event.Audience;
import io.verbund.acd.portal.event.EventJournal;
import io.verbund.acd.runtime.config.ConfigurationChanges;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * After a successful write to a {@link ChangesConfiguration} resource (its transaction has
 * committed by the time the response is filtered), tells every node's caches to forget the
 * configuration, and the tenant's admins and supervisors with a {@code config} event. One place
 * for every resource, so a new one cannot forget it.
 */
@Provider
@ApplicationScoped
public class ConfigurationAnnouncer implements ContainerResponseFilter {

    private final ConfigurationChanges changes;
    private final EventJournal journal;
    private final CallerContext callers;

    @Context
    private ResourceInfo resource;

    @Inject
    public ConfigurationAnnouncer(ConfigurationChanges changes, EventJournal journal, CallerContext callers) {
        this.changes = changes;
        this.journal = journal;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ConfigurationAnnouncer() {
        this(null, null, null);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD") || response.getStatus() >= 300
                || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        ChangesConfiguration marker = marker(resource.getResourceMethod(), resource.getResourceClass());
        if (marker == null) {
            return;
        }
        String path = request.getUriInfo().getPath();
        var caller = callers.caller();
        changes.announce(caller.tenant() + " " + request.getMethod() + " " + path);
        journal.publish(caller.tenant(), "config", Audience.STAFF,
                "{\"kind\":\"" + marker.value() + "\",\"path\":\"" + path.replace("\"", "") + "\"}");
    }

    private static ChangesConfiguration marker(Method method, Class<?> type) {
        ChangesConfiguration onMethod = method.getAnnotation(ChangesConfiguration.class);
        return onMethod != null ? onMethod : type == null ? null : type.getAnnotation(ChangesConfiguration.class);
    }
}
