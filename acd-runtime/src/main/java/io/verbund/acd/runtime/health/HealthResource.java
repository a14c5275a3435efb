package io.verbund.acd.runtime.health;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.service.ServiceIdentity;
import jakarta.enterprise.context.RequestScoped;
import io.verbund.acd.runtime.alarm.MasterFailoverWatch;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET health} under each service's JAX-RS root. Open without login on purpose: load
 * balancers probe it, and it names servers and states, never data or credentials.
 */
@Path("health")
@RequestScoped
public class HealthResource {

    private final ServiceIdentity identity;
    private final DatasourceCheck datasourceCheck;
    private final SchemaCheck schemaCheck;
    private final CacheClusterCheck cacheCheck;
    private final MasterFailoverWatch failoverWatch;
    private final Set<DatasourceRole> required;
    private final jakarta.enterprise.inject.Instance<ServiceCheck> own;

    @Inject
    public HealthResource(ServiceIdentity identity, DatasourceCheck datasourceCheck, SchemaCheck schemaCheck,
                          CacheClusterCheck cacheCheck, MasterFailoverWatch failoverWatch,
                          @ConfigProperty(name = "verbund.health.required-roles", defaultValue = "master,realtime,reporting")
                          List<String> requiredRoles, jakarta.enterprise.inject.Instance<ServiceCheck> own) {
        this.own = own;
        this.identity = identity;
        this.datasourceCheck = datasourceCheck;
        this.schemaCheck = schemaCheck;
        this.cacheCheck = cacheCheck;
        this.failoverWatch = failoverWatch;
        this.required = EnumSet.noneOf(DatasourceRole.class);
        requiredRoles.forEach(key -> required.add(DatasourceRole.valueOf(key.trim().toUpperCase(java.util.Locale.ROOT))));
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public HealthResource() {
        this.identity = null;
        this.datasourceCheck = null;
        this.schemaCheck = null;
        this.cacheCheck = null;
        this.failoverWatch = null;
        this.required = null;
        this.own = null;
    }

    private Map<String, Check> ownChecks() {
        Map<String, Check> checks = new java.util.TreeMap<>();
        own.forEach(check -> checks.put(check.name(), check.check()));
        return checks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<DatasourceRole, Check> datasources = new EnumMap<>(DatasourceRole.class);
        Arrays.stream(DatasourceRole.values()).forEach(role -> datasources.put(role, datasourceCheck.check(role)));
        HealthReport report = new HealthReport(identity.service(), identity.node(), identity.version(),
                datasources, required, schemaCheck.check(), cacheCheck.check(), failoverWatch.current().stream().toList(), ownChecks());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(report.toJson())
                .cacheControl(noStore)
                .build();
    }
}
