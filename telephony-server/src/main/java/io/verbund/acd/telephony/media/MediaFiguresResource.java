package io.verbund.acd.telephony.media;

import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;

/**
 * The node's media figures for operators and the benchmark: legs and ports in use, and how evenly
 * the pacer sends (the deviation of every send interval from 20 ms, p50/p99/max, and packets a
 * second since the figures were last reset). System administrators only.
 */
@Path("media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MediaFiguresResource {

    private final NodeMedia media;
    private final CallerContext callers;

    @Inject
    public MediaFiguresResource(NodeMedia media, CallerContext callers) {
        this.media = media;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public MediaFiguresResource() {
        this(null, null);
    }

    @GET
    public JsonObject figures() {
        requireSystemAdmin();
        MediaEngine engine = media.engine();
        SendJitter.Snapshot jitter = engine.sendJitter();
        double seconds = Math.max(0.001, Duration.between(media.figuresSince(), Instant.now()).toMillis() / 1000.0);
        return Json.createObjectBuilder()
                .add("openLegs", engine.openLegCount())
                .add("portsInUse", engine.portsInUse())
                .add("since", media.figuresSince().toString())
                .add("packetsPerSecond", Math.round(jitter.intervals() / seconds))
                .add("sendIntervalDeviationMillis", deviation(jitter))
                .add("pacerLateTicks", engine.pacerLateTicks())
                .add("peersLocked", engine.peersLocked())
                .add("foreignPackets", engine.foreignPackets())
                .add("srtpRejected", engine.srtpRejected())
                .build();
    }

    /** The deviation's percentiles; null while nothing was sent since the reset (no call, no figure). */
    static JsonObjectBuilder deviation(SendJitter.Snapshot jitter) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (jitter.intervals() == 0) {
            return json.addNull("p50").addNull("p99").addNull("max");
        }
        return json.add("p50", jitter.p50Millis()).add("p99", jitter.p99Millis()).add("max", jitter.maxMillis());
    }

    /** Starts the figures afresh, e.g. once a benchmark's callers are all in the queue. */
    @DELETE
    public Response reset() {
        requireSystemAdmin();
        media.resetFigures();
        return Response.noContent().build();
    }

    private void requireSystemAdmin() {
        if (!callers.caller().has(Role.SYSTEM_ADMIN)) {
            throw new NotPermitted("The media figures are for system administrators", callers.caller().tenant());
        }
    }
}
