package io.verbund.acd.portal.tenant;

import io.verbund.acd.call.TransferNumbers;
import io.verbund.acd.persistence.config.TenantEntity;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.UnknownTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The tenants a caller sees: a system administrator all of them, a reseller those below it, anyone
 * else its own. A tenant outside that view is answered as missing (404), never as forbidden.
 */
@ApplicationScoped
@Transactional
public class Tenants {

    private static final Logger LOG = Logger.getLogger(Tenants.class.getName());

    private final EntityManager entities;

    @Inject
    public Tenants(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected Tenants() {
        this.entities = null;
    }

    public Page<TenantDocument> list(Caller caller, String filter, PageRequest page) {
        String where = " FROM TenantEntity t WHERE LOWER(t.tenantKey) LIKE LOWER(:filter) ESCAPE '\\' AND " + visibility(caller);
        TypedQuery<Long> count = entities.createQuery("SELECT COUNT(t)" + where, Long.class);
        TypedQuery<TenantEntity> rows = entities.createQuery("SELECT t" + where + " ORDER BY t.tenantKey", TenantEntity.class);
        for (TypedQuery<?> query : List.of(count, rows)) {
            query.setParameter("filter", PageRequest.containing(filter));
            if (!caller.has(Role.SYSTEM_ADMIN)) {
                query.setParameter("caller", caller.tenantId().value());
            }
        }
        List<TenantDocument> items = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                .map(this::document).toList();
        return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
    }

    public TenantDocument get(Caller caller, String key) {
        return document(visible(caller, key));
    }

    /** Checked before the body is, so a caller who may not create tenants learns nothing from validation. */
    public void requireMayCreate(Caller caller) {
        if (!caller.has(Role.SYSTEM_ADMIN) && !caller.has(Role.RESELLER)) {
            throw new NotPermitted(PortalWords.text("denied.tenant-create"), caller.tenant());
        }
    }

    public TenantDocument create(Caller caller, TenantRequest request) {
        requireMayCreate(caller);
        String kind = Objects.requireNonNullElse(request.kind(), "TENANT");
        if (kind.equals("RESELLER") && !caller.has(Role.SYSTEM_ADMIN)) {
            throw InvalidFields.of("kind", PortalWords.text("tenant.reseller-by-system-admin"), caller.tenant());
        }
        if (find(request.key()).isPresent()) {
            throw InvalidFields.of("key", PortalWords.text("tenant.key-taken", request.key()), caller.tenant());
        }
        TenantEntity tenant = new TenantEntity(request.key(), kind);
        tenant.setParentId(parentFor(caller, request));
        apply(caller, tenant, request);
        entities.persist(tenant);
        entities.flush();
        LOG.info(() -> "tenant " + tenant.getTenantKey() + " (" + tenant.getKind() + ") created by " + caller.login());
        return document(tenant);
    }

    public TenantDocument replace(Caller caller, String key, TenantRequest request, String ifMatch) {
        TenantEntity tenant = visible(caller, key);
        boolean manages = caller.has(Role.SYSTEM_ADMIN) || (caller.has(Role.RESELLER) && !tenant.getId().equals(caller.tenantId().value()));
        if (!manages) {
            throw new NotPermitted(PortalWords.text("denied.tenant-change", key), caller.tenant());
        }
        EntityVersion.require("tenant " + key, tenant.getVersion(), RequiredVersion.of(request.version(), caller.tenant()), ifMatch, caller.tenant());
        if (!tenant.getTenantKey().equals(request.key())) {
            throw InvalidFields.of("key", PortalWords.text("tenant.key-fixed"), caller.tenant());
        }
        if (request.kind() != null && !request.kind().equals(tenant.getKind())) {
            throw InvalidFields.of("kind", PortalWords.text("tenant.kind-fixed"), caller.tenant());
        }
        if ("SYSTEM".equals(tenant.getKind()) && Boolean.FALSE.equals(request.enabled())) {
            throw InvalidFields.of("enabled", PortalWords.text("tenant.system-enabled"), caller.tenant());
        }
        apply(caller, tenant, request);
        entities.flush();
        LOG.info(() -> "tenant " + key + " changed by " + caller.login() + (tenant.isEnabled() ? "" : " (disabled)"));
        return document(tenant);
    }

    private Long parentFor(Caller caller, TenantRequest request) {
        if (!caller.has(Role.SYSTEM_ADMIN)) {
            return caller.tenantId().value();
        }
        if (request.reseller() == null || request.reseller().isBlank()) {
            return null;
        }
        return find(request.reseller()).filter(parent -> parent.getKind().equals("RESELLER")).map(TenantEntity::getId)
                .orElseThrow(() -> InvalidFields.of("reseller", PortalWords.text("tenant.no-reseller", request.reseller()), caller.tenant()));
    }

    private void apply(Caller caller, TenantEntity tenant, TenantRequest request) {
        String zone = Objects.requireNonNullElse(request.timeZone(), "Europe/Berlin");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw InvalidFields.of("timeZone", PortalWords.text("tenant.time-zone", zone), caller.tenant());
        }
        tenant.setName(request.name().strip());
        tenant.setMaxChannels(request.maxChannels());
        tenant.setTimeZone(zone);
        tenant.setDefaultLocale(Objects.requireNonNullElse(request.defaultLocale(), "de"));
        tenant.setEnabled(!Boolean.FALSE.equals(request.enabled()));
        if (request.transferNumbers() != null) {
            for (String pattern : request.transferNumbers()) {
                TransferNumbers.problem(pattern).ifPresent(problem -> {
                    throw InvalidFields.of("transferNumbers", problem, caller.tenant());
                });
            }
            tenant.setTransferNumbers(TransferNumbers.of(request.transferNumbers()).stored());
        }
        if (request.outboundCallerId() != null) {
            tenant.setOutboundCallerId(request.outboundCallerId().isEmpty() ? null : request.outboundCallerId());
        }
    }

    /** The number the tenant's outbound calls present; empty: it places none. */
    public Optional<String> outboundCallerId(long tenantId) {
        return Optional.ofNullable(entities.find(TenantEntity.class, tenantId)).map(TenantEntity::getOutboundCallerId);
    }

    /** The external numbers the tenant's calls may be transferred to. */
    public TransferNumbers transferNumbers(long tenantId) {
        TenantEntity tenant = entities.find(TenantEntity.class, tenantId);
        return tenant == null ? TransferNumbers.none() : TransferNumbers.parse(tenant.getTransferNumbers());
    }

    private String visibility(Caller caller) {
        if (caller.has(Role.SYSTEM_ADMIN)) {
            return "1 = 1";
        }
        return caller.has(Role.RESELLER) ? "(t.parentId = :caller OR t.id = :caller)" : "t.id = :caller";
    }

    private TenantEntity visible(Caller caller, String key) {
        TenantEntity tenant = find(key).orElseThrow(() -> new UnknownTenant(key));
        boolean sees = caller.has(Role.SYSTEM_ADMIN) || tenant.getId().equals(caller.tenantId().value())
                || (caller.has(Role.RESELLER) && Long.valueOf(caller.tenantId().value()).equals(tenant.getParentId()));
        if (!sees) {
            throw new UnknownTenant(key);
        }
        return tenant;
    }

    private Optional<TenantEntity> find(String key) {
        return entities.createQuery("SELECT t FROM TenantEntity t WHERE t.tenantKey = :key", TenantEntity.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    private TenantDocument document(TenantEntity tenant) {
        String reseller = tenant.getParentId() == null ? null
                : Optional.ofNullable(entities.find(TenantEntity.class, tenant.getParentId())).map(TenantEntity::getTenantKey).orElse(null);
        return new TenantDocument(tenant.getId(), tenant.getTenantKey(), tenant.getName(), tenant.getKind(), reseller,
                tenant.getMaxChannels(), tenant.getTimeZone(), tenant.getDefaultLocale(), tenant.isEnabled(),
                TransferNumbers.parse(tenant.getTransferNumbers()).patterns(), tenant.getOutboundCallerId(), tenant.getVersion(),
                tenant.getUpdatedAt());
    }
}
