package io.verbund.acd.portal.pause;

import io.verbund.acd.persistence.config.PauseReasonEntity;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.StableCode;
import io.verbund.acd.portal.api.TenantItems;
import io.verbund.acd.portal.api.TenantPageQuery;
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
 * The pause reasons of a tenant, one transaction per call. Codes are unique within the tenant and
 * never change; reasons set by the system are read-only ({@link SystemPauseReason}).
 */
@ApplicationScoped
@Transactional
public class PauseReasons implements TenantItems<PauseReasonRequest, PauseReasonDocument> {

    static final String KIND = "pause reason";
    private static final Logger LOG = Logger.getLogger(PauseReasons.class.getName());

    private final EntityManager entities;

    @Inject
    public PauseReasons(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected PauseReasons() {
        this.entities = null;
    }

    /**
     * @param filter      text in the label
     * @param enabledOnly null: all; true or false: only those enabled or disabled
     */
    public Page<PauseReasonDocument> list(AddressedTenant tenant, String filter, Boolean enabledOnly, PageRequest page) {
        TenantPageQuery<PauseReasonEntity> query = TenantPageQuery.of(PauseReasonEntity.class, tenant).containing(filter, "label");
        if (enabledOnly != null) {
            query.where("e.enabled = :enabled", "enabled", enabledOnly);
        }
        Page<PauseReasonEntity> rows = query.page(entities, page, "label", "code");
        return new Page<>(rows.items().stream().map(PauseReasons::document).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public PauseReasonDocument get(AddressedTenant tenant, long id) {
        return document(find(tenant, id));
    }

    @Override
    public PauseReasonDocument create(AddressedTenant tenant, PauseReasonRequest request, Caller by) {
        if (SystemPauseReason.RESERVED_CODES.contains(request.code())) {
            throw new SystemPauseReason(request.code(), "created", tenant.key());
        }
        if (TenantRows.taken(entities, PauseReasonEntity.class, "code", request.code(), null, tenant)) {
            throw InvalidFields.of("code", PortalWords.text("pause.code-taken", request.code()), tenant.key());
        }
        PauseReasonEntity reason = new PauseReasonEntity(tenant.idValue(), request.code());
        apply(reason, request);
        entities.persist(reason);
        entities.flush();
        LOG.info(() -> "pause reason " + reason.getCode() + " (" + reason.getId() + ") created in tenant " + tenant.key() + " by " + by);
        return document(reason);
    }

    @Override
    public PauseReasonDocument replace(AddressedTenant tenant, long id, PauseReasonRequest request, String ifMatch, Caller by) {
        PauseReasonEntity reason = find(tenant, id);
        if (reason.isSetBySystem()) {
            throw new SystemPauseReason(reason.getCode(), "changed", tenant.key());
        }
        EntityVersion.require(KIND + " " + reason.getCode(), reason.getVersion(),
                RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        StableCode.requireUnchanged(reason.getCode(), request.code(), KIND, tenant.key());
        apply(reason, request);
        entities.flush();
        LOG.info(() -> "pause reason " + reason.getCode() + " (" + id + ") changed to version " + reason.getVersion()
                + " in tenant " + tenant.key() + " by " + by + ": " + (reason.isEnabled() ? "enabled" : "disabled"));
        return document(reason);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        PauseReasonEntity reason = find(tenant, id);
        if (reason.isSetBySystem()) {
            throw new SystemPauseReason(reason.getCode(), "removed", tenant.key());
        }
        EntityVersion.require(KIND + " " + reason.getCode(), reason.getVersion(), reason.getVersion(), ifMatch, tenant.key());
        entities.remove(reason);
        entities.flush();
        LOG.info(() -> "pause reason " + reason.getCode() + " (" + id + ") removed from tenant " + tenant.key() + " by " + by);
    }

    private PauseReasonEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, PauseReasonEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private static void apply(PauseReasonEntity reason, PauseReasonRequest request) {
        reason.setLabel(request.label().strip());
        reason.setPaid(Objects.requireNonNullElse(request.paid(), true));
        reason.setMaxSeconds(request.maxSeconds());
        reason.setEnabled(Objects.requireNonNullElse(request.enabled(), true));
    }

    private static PauseReasonDocument document(PauseReasonEntity reason) {
        return new PauseReasonDocument(reason.getId(), reason.getCode(), reason.getLabel(), reason.isPaid(), reason.getMaxSeconds(),
                reason.isSetBySystem(), reason.isEnabled(), reason.getVersion(), reason.getUpdatedAt());
    }
}
