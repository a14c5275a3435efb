package io.verbund.acd.portal.event;

import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /events}: the caller's tenant's live events as Server-Sent Events, filtered by what
 * its roles let it see. The first event is {@code hello} (its id marks where the stream starts); a
 * browser that reconnects sends {@code Last-Event-ID} and gets what it missed, or {@code resync}
 * when this node cannot replay it. A comment every 20 s keeps proxies from closing a quiet stream.
 */
@Path("events")
@RequestScoped
@ApiArea(ApiArea.Area.EVENTS)
public class EventResource {

    private final EventJournal journal;
    private final Viewers viewers;
    private final CallerContext callers;

    @Inject
    public EventResource(EventJournal journal, Viewers viewers, CallerContext callers) {
        this.journal = journal;
        this.viewers = viewers;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public EventResource() {
        this(null, null, null);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        journal.subscribe(viewers.of(callers.caller()), sink, sse, lastEventId);
    }
}
