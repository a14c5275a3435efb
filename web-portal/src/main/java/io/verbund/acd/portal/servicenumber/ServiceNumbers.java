package io.verbund.acd.portal.servicenumber;

import io.verbund.acd.persistence.config.CallFlowEntity;
import io.verbund.acd.persistence.config.ServiceNumberEntity;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.TenantItems;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.problem.InvalidFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The service numbers of a tenant. A number is unique across the installation, because an incoming
 * call names no tenant: a number another tenant holds is refused without saying which tenant.
 */
@ApplicationScoped
@Transactional
public class ServiceNumbers implements TenantItems<ServiceNumberRequest, ServiceNumberDocument> {

    static final String KIND = "service number";
    private static final Logger LOG = Logger.getLogger(ServiceNumbers.class.getName());

    private final EntityManager entities;

    @Inject
    public ServiceNumbers(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected ServiceNumbers() {
        this.entities = null;
    }

    public Page<ServiceNumberDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<ServiceNumberEntity> rows = TenantRows.page(entities, ServiceNumberEntity.class, "number", filter, page, tenant);
        return new Page<>(rows.items().stream().map(this::document).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public ServiceNumberDocument get(AddressedTenant tenant, long id) {
        return document(find(tenant, id));
    }

    @Override
    public ServiceNumberDocument create(AddressedTenant tenant, ServiceNumberRequest request, Caller by) {
        long holders = entities.createQuery("SELECT COUNT(n) FROM ServiceNumberEntity n WHERE n.number = :number", Long.class)
                .setParameter("number", request.number()).getSingleResult();
        if (holders > 0) {
            throw InvalidFields.of("number", PortalWords.text("number.taken", request.number()), tenant.key());
        }
        ServiceNumberEntity number = new ServiceNumberEntity(tenant.idValue(), request.number());
        apply(tenant, number, request);
        entities.persist(number);
        entities.flush();
        LOG.info(() -> "service number " + number.getNumber() + " added to tenant " + tenant.key() + " by " + by);
        return document(number);
    }

    @Override
    public ServiceNumberDocument replace(AddressedTenant tenant, long id, ServiceNumberRequest request, String ifMatch, Caller by) {
        ServiceNumberEntity number = find(tenant, id);
        EntityVersion.require(KIND + " " + number.getNumber(), number.getVersion(), RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        if (!number.getNumber().equals(request.number())) {
            throw InvalidFields.of("number", "a service number cannot change; add " + request.number() + " and remove "
                    + number.getNumber() + " instead", tenant.key());
        }
        apply(tenant, number, request);
        entities.flush();
        LOG.info(() -> "service number " + number.getNumber() + " now leads to call flow " + request.callFlow()
                + (number.isAnswerOnQueue() ? ", answered on queue," : "") + " in tenant " + tenant.key() + " (by " + by + ")");
        return document(number);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        ServiceNumberEntity number = find(tenant, id);
        EntityVersion.require(KIND + " " + number.getNumber(), number.getVersion(), number.getVersion(), ifMatch, tenant.key());
        entities.remove(number);
        entities.flush();
        LOG.info(() -> "service number " + number.getNumber() + " removed from tenant " + tenant.key() + " by " + by);
    }

    private void apply(AddressedTenant tenant, ServiceNumberEntity number, ServiceNumberRequest request) {
        number.setLabel(Objects.requireNonNullElse(request.label(), "").strip());
        number.setAnswerOnQueue(Boolean.TRUE.equals(request.answerOnQueue()));
        if (request.callFlow() == null || request.callFlow().isBlank()) {
            number.setCallFlowId(null);
            return;
        }
        Long flow = entities.createQuery("SELECT f.id FROM CallFlowEntity f WHERE f.tenantId = :tenant AND f.name = :name", Long.class)
                .setParameter("tenant", tenant.idValue()).setParameter("name", request.callFlow().strip())
                .getResultStream().findFirst()
                .orElseThrow(() -> InvalidFields.of("callFlow", PortalWords.text("number.call-flow-unknown", request.callFlow().strip()), tenant.key()));
        number.setCallFlowId(flow);
    }

    private ServiceNumberEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, ServiceNumberEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private ServiceNumberDocument document(ServiceNumberEntity number) {
        String flow = number.getCallFlowId() == null ? null
                : java.util.Optional.ofNullable(entities.find(CallFlowEntity.class, number.getCallFlowId())).map(CallFlowEntity::getName).orElse(null);
        return new ServiceNumberDocument(number.getId(), number.getNumber(), number.getLabel(), flow, number.isAnswerOnQueue(), number.getVersion(), number.getUpdatedAt());
    }
}
