package io.verbund.acd.portal.report;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.audit.NotAudited;
import io.verbund.acd.portal.storage.StoredAudio;
import io.verbund.acd.portal.storage.TenantFiles;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.problem.Problem;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.stats.StatsAnswer;
import io.verbund.acd.runtime.stats.StatsClient;
import io.verbund.acd.runtime.storage.FileCategory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code /report-jobs}: a report too long to wait for runs as a job in stats-service and lands in
 * storage-service (category {@code reports}). {@code POST} the report's parameters as JSON
 * ({@code report}, {@code from}, {@code to}, {@code period}, {@code by}, {@code group} (ids),
 * {@code kpiVersion}, {@code format} csv|xlsx|pdf, {@code lang}): 202 with the job; {@code GET
 * /report-jobs/{id}} its progress; {@code GET /report-jobs/{id}/file} the file once it is DONE.
 * A supervisor's groups are narrowed as for reports; a job is seen by the user who started it and
 * the tenant's admins.
 */
@Path("report-jobs")
@RequestScoped
@ApiArea(ApiArea.Area.STATS)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ReportJobResource {

    private static final Logger LOG = Logger.getLogger(ReportJobResource.class.getName());

    private final StatsClient stats;
    private final TenantFiles files;
    private final ReportAccesses accesses;

    @Context
    private UriInfo uris;

    @Inject
    public ReportJobResource(StatsClient stats, TenantFiles files, ReportAccesses accesses) {
        this.stats = stats;
        this.files = files;
        this.accesses = accesses;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ReportJobResource() {
        this(null, null, null);
    }

    @NotAudited("runs a report; changes nothing")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonObject job, @QueryParam("tenant") String tenant) {
        ReportAccess access = accesses.of(tenant);
        Caller caller = access.caller();
        AddressedTenant addressed = access.tenant();
        if (job == null) {
            throw new MalformedRequest("The request needs the report as its JSON body, e.g. {\"report\":\"calls\",\"format\":\"xlsx\"}");
        }
        List<String> requested = new ArrayList<>();
        if (job.get("group") instanceof jakarta.json.JsonArray groups) {
            groups.forEach(group -> requested.add(group.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) group).getString()
                    : group.toString()));
        }
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (String group : access.groupsToAsk(requested)) {
            try {
                groups.add(Long.parseLong(group));
            } catch (NumberFormatException e) {
                throw new MalformedRequest("group must name groups by their ids: " + group);
            }
        }
        String body = Json.createObjectBuilder(job).add("group", groups).add("createdBy", caller.login()).build().toString();
        StatsAnswer answer = stats.startReportJob(addressed.key(), body);
        String started = answer.text();
        Response.ResponseBuilder response = ForwardedAnswer.read(answer, started);
        if (answer.succeeded()) {
            String id = StatsJson.member(started, "id");
            LOG.info(() -> "report job " + id + " (" + job + ") started in tenant " + addressed.key() + " by " + caller.login());
            response.location(uris.getBaseUriBuilder().path(ReportJobResource.class).path(id).build());
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public Response progress(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        ReportAccess access = accesses.of(tenant);
        AddressedTenant addressed = access.tenant();
        access.requireViewer();
        StatsAnswer answer = stats.reportJob(addressed.key(), id);
        String text = answer.text();
        if (answer.succeeded()) {
            visibleTo(access, id, text);
        }
        return ForwardedAnswer.read(answer, text).build();
    }

    /** The job's file, once it is DONE. */
    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        ReportAccess access = accesses.of(tenant);
        AddressedTenant addressed = access.tenant();
        access.requireViewer();
        StatsAnswer answer = stats.reportJob(addressed.key(), id);
        String text = answer.text();
        if (!answer.succeeded()) {
            return ForwardedAnswer.read(answer, text).build();
        }
        JsonObject job = visibleTo(access, id, text);
        String name = job.getString("fileName", "");
        if (!"DONE".equals(job.getString("state", "")) || name.isEmpty()) {
            throw new NotFoundException("Report job " + id + " has no file yet: " + job.getString("state", "?"));
        }
        // storage-service names the file as an attachment (Content-Disposition), passed on with the bytes.
        return StoredAudio.of(files.open(addressed, FileCategory.REPORTS, name, Optional.empty(), Optional.empty())
                .orElseThrow(() -> new NotFoundException("The file of report job " + id + " is gone (retention)")));
    }

    /** Another user's job answers like one that does not exist, unless the caller is an admin. */
    private static JsonObject visibleTo(ReportAccess access, long id, String text) {
        JsonObject job;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            job = reader.readObject();
        }
        if (!access.isAdmin() && !access.caller().login().equals(job.getString("createdBy", ""))) {
            throw new NotFoundException("No report job " + id);
        }
        return job;
    }
}
