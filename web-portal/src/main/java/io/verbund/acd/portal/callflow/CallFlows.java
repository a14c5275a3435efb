package io.verbund.acd.portal.callflow;

import io.verbund.acd.callflow.CallFlowCheck;
import io.verbund.acd.callflow.CallFlowGraph;
import io.verbund.acd.callflow.CallFlowViolation;
import io.verbund.acd.persistence.config.CallFlowEntity;
import io.verbund.acd.persistence.config.CallFlowVersionEntity;
import io.verbund.acd.persistence.config.UserEntity;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.TenantItems;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.portal.prompt.Prompts;
import io.verbund.acd.runtime.callflow.CallFlowGraphJson;
import io.verbund.acd.runtime.callflow.MalformedCallFlowGraph;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The call flows of a tenant. A graph is published only when the check finds nothing wrong; each
 * publication is a new version, and calls already running keep the version they started with.
 * An older version can be made current again (rollback) without copying it.
 */
@ApplicationScoped
@Transactional
public class CallFlows implements TenantItems<CallFlowRequest, CallFlowDocument> {

    static final String KIND = "call flow";
    private static final Logger LOG = Logger.getLogger(CallFlows.class.getName());

    private final EntityManager entities;
    private final Prompts prompts;

    @Inject
    public CallFlows(EntityManager entities, Prompts prompts) {
        this.entities = entities;
        this.prompts = prompts;
    }

    /** For CDI's proxy only. */
    protected CallFlows() {
        this.entities = null;
        this.prompts = null;
    }

    /** The flows, without their graphs (fetch one for that). */
    public Page<CallFlowDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<CallFlowEntity> rows = TenantRows.page(entities, CallFlowEntity.class, "name", filter, page, tenant);
        return new Page<>(rows.items().stream().map(flow -> document(flow, null)).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public CallFlowDocument get(AddressedTenant tenant, long id) {
        CallFlowEntity flow = find(tenant, id);
        return document(flow, currentGraph(flow).orElse(null));
    }

    public CheckResult check(AddressedTenant tenant, JsonObject graph) {
        List<CallFlowViolation> violations;
        try {
            violations = new CallFlowCheck(new TenantCallFlowReferences(entities, tenant, () -> prompts.uploadedNames(tenant))).violations(CallFlowGraphJson.read(graph.toString()));
        } catch (MalformedCallFlowGraph malformed) {
            violations = List.of(new CallFlowViolation(null, null, malformed.getMessage()));
        }
        return new CheckResult(violations.isEmpty(), violations);
    }

    @Override
    public CallFlowDocument create(AddressedTenant tenant, CallFlowRequest request, Caller by) {
        requireFreeName(tenant, request.name(), null);
        String graph = checked(tenant, request.graph());
        CallFlowEntity flow = new CallFlowEntity(tenant.idValue(), request.name().strip());
        entities.persist(flow);
        entities.flush();
        publish(tenant, flow, graph, 1, by);
        LOG.info(() -> "call flow " + flow.getName() + " (" + flow.getId() + ") created with version 1 in tenant " + tenant.key() + " by " + by.login());
        return document(flow, graph);
    }

    @Override
    public CallFlowDocument replace(AddressedTenant tenant, long id, CallFlowRequest request, String ifMatch, Caller by) {
        CallFlowEntity flow = find(tenant, id);
        EntityVersion.require(KIND + " '" + flow.getName() + "'", flow.getVersion(), RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        requireFreeName(tenant, request.name(), flow.getId());
        String graph = checked(tenant, request.graph());
        flow.setName(request.name().strip());
        if (!currentGraph(flow).map(CallFlows::normalized).map(graph::equals).orElse(false)) {
            int next = entities.createQuery("SELECT COALESCE(MAX(v.version), 0) FROM CallFlowVersionEntity v WHERE v.callFlowId = :flow", Integer.class)
                    .setParameter("flow", flow.getId()).getSingleResult() + 1;
            publish(tenant, flow, graph, next, by);
            LOG.info(() -> "call flow " + flow.getName() + " (" + id + ") published version " + next + " in tenant " + tenant.key() + " by " + by.login());
        }
        entities.flush();
        return document(flow, graph);
    }

    /** Makes an earlier (or later) published version the one new calls run. */
    public CallFlowDocument activate(AddressedTenant tenant, long id, int versionNumber, String ifMatch, Caller by) {
        CallFlowEntity flow = find(tenant, id);
        EntityVersion.require(KIND + " '" + flow.getName() + "'", flow.getVersion(), flow.getVersion(), ifMatch, tenant.key());
        CallFlowVersionEntity chosen = version(flow, versionNumber).orElseThrow(() -> new UnknownItem("call flow version", versionNumber, tenant.key()));
        flow.setCurrentVersion(chosen.getVersion());
        entities.flush();
        LOG.info(() -> "call flow " + flow.getName() + " (" + id + ") runs version " + versionNumber + " again in tenant " + tenant.key() + " by " + by.login());
        return document(flow, chosen.getGraph());
    }

    public List<CallFlowVersionDocument> versions(AddressedTenant tenant, long id) {
        CallFlowEntity flow = find(tenant, id);
        return entities.createQuery("SELECT v FROM CallFlowVersionEntity v WHERE v.callFlowId = :flow ORDER BY v.version DESC", CallFlowVersionEntity.class)
                .setParameter("flow", flow.getId()).getResultList().stream()
                .map(v -> versionDocument(flow, v, false)).toList();
    }

    public CallFlowVersionDocument version(AddressedTenant tenant, long id, int versionNumber) {
        CallFlowEntity flow = find(tenant, id);
        return version(flow, versionNumber).map(v -> versionDocument(flow, v, true))
                .orElseThrow(() -> new UnknownItem("call flow version", versionNumber, tenant.key()));
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        CallFlowEntity flow = find(tenant, id);
        EntityVersion.require(KIND + " '" + flow.getName() + "'", flow.getVersion(), flow.getVersion(), ifMatch, tenant.key());
        List<String> numbers = serviceNumbers(flow);
        if (!numbers.isEmpty()) {
            throw new CallFlowInUse(flow.getName(), numbers, tenant.key());
        }
        // The flow points at its current version and the versions at the flow: unhook before removing.
        flow.setCurrentVersion(null);
        entities.flush();
        entities.remove(flow);
        entities.flush();
        LOG.info(() -> "call flow " + flow.getName() + " (" + id + ") removed from tenant " + tenant.key() + " by " + by.login());
    }

    private void publish(AddressedTenant tenant, CallFlowEntity flow, String graph, int number, Caller by) {
        entities.persist(new CallFlowVersionEntity(tenant.idValue(), flow.getId(), number, graph, by.user().value()));
        entities.flush();
        flow.setCurrentVersion(number);
    }

    /** The graph in its stored form, or 422 with one field problem per violation. */
    private String checked(AddressedTenant tenant, JsonObject graph) {
        CheckResult result = check(tenant, graph);
        if (!result.valid()) {
            throw new InvalidFields(result.violations().stream().map(CallFlows::fieldProblem).toList(), tenant.key());
        }
        return normalized(graph.toString());
    }

    /** The stored form: the same graph always gives the same text, so "unchanged" can be seen. */
    private static String normalized(String graph) {
        return CallFlowGraphJson.write(CallFlowGraphJson.read(graph));
    }

    static FieldProblem fieldProblem(CallFlowViolation violation) {
        StringBuilder field = new StringBuilder("graph");
        if (violation.nodeId() != null) {
            field.append(".nodes.").append(violation.nodeId());
        }
        if (violation.field() != null) {
            field.append('.').append(violation.field());
        }
        return new FieldProblem(field.toString(), violation.message());
    }

    private CallFlowEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, CallFlowEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private void requireFreeName(AddressedTenant tenant, String name, Long exceptId) {
        if (TenantRows.taken(entities, CallFlowEntity.class, "name", name.strip(), exceptId, tenant)) {
            throw InvalidFields.of("name", PortalWords.text("callflow.name-taken", name.strip()), tenant.key());
        }
    }

    private Optional<CallFlowVersionEntity> version(CallFlowEntity flow, int number) {
        return entities.createQuery("SELECT v FROM CallFlowVersionEntity v WHERE v.callFlowId = :flow AND v.version = :number", CallFlowVersionEntity.class)
                .setParameter("flow", flow.getId()).setParameter("number", number).getResultStream().findFirst();
    }

    private Optional<String> currentGraph(CallFlowEntity flow) {
        return Optional.ofNullable(flow.getCurrentVersion()).flatMap(number -> version(flow, number)).map(CallFlowVersionEntity::getGraph);
    }

    private List<String> serviceNumbers(CallFlowEntity flow) {
        return entities.createQuery("SELECT n.number FROM ServiceNumberEntity n WHERE n.tenantId = :tenant AND n.callFlowId = :flow ORDER BY n.number", String.class)
                .setParameter("tenant", flow.getTenantId()).setParameter("flow", flow.getId()).getResultList();
    }

    private CallFlowDocument document(CallFlowEntity flow, String graph) {
        return new CallFlowDocument(flow.getId(), flow.getName(), flow.getCurrentVersion(), graph == null ? null : json(graph),
                serviceNumbers(flow), flow.getVersion(), flow.getUpdatedAt());
    }

    private CallFlowVersionDocument versionDocument(CallFlowEntity flow, CallFlowVersionEntity version, boolean withGraph) {
        String by = version.getCreatedBy() == null ? null
                : Optional.ofNullable(entities.find(UserEntity.class, version.getCreatedBy())).map(UserEntity::getLogin).orElse(null);
        return new CallFlowVersionDocument(version.getVersion(), version.getCreatedAt(), by,
                Integer.valueOf(version.getVersion()).equals(flow.getCurrentVersion()), withGraph ? json(version.getGraph()) : null);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
