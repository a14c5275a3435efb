package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.security.ServiceAccess;
import io.verbund.acd.storage.StorageProblem;
import io.verbund.acd.storage.retention.RetentionJob;
import io.verbund.acd.storage.retention.RetentionReport;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The retention sweep's last run (any node answers: it is kept on the shared root), and running it
 * now. Tenant administrators see only their own tenant's rows; running it is for system
 * administrators and services. Not open to API tokens (no {@code @ApiArea}).
 */
@Path("api/v1/retention")
@RequestScoped
@ServiceAccess
public class RetentionResource {

    private final RetentionJob job;
    private final StorageAccess access;

    @Inject
    public RetentionResource(RetentionJob job, StorageAccess access) {
        this.job = job;
        this.access = access;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public RetentionResource() {
        this(null, null);
    }

    @GET
    @Path("last-run")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject lastRun() throws IOException {
        Optional<TenantKey> only = access.limitedTo();
        // the same role check as for the tenant's files: its administrators and supervisors
        only.ifPresent(tenant -> access.tenant(tenant.value()));
        RetentionReport report = job.lastRun()
                .orElseThrow(() -> new StorageProblem.NoRun());
        return only.map(tenant -> report.forTenant(tenant.value())).orElse(report).toJson();
    }

    /** Sweeps now on this node and answers what was removed; 409 while another node sweeps. */
    @POST
    @Path("runs")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject run() throws IOException, SQLException {
        access.requireSystem();
        try {
            return job.runNow().toJson();
        } catch (RetentionJob.HeldElsewhere elsewhere) {
            throw StorageProblem.conflict(null, "The retention sweep runs on another node right now; try again when it has finished");
        }
    }
}
