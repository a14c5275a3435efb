package io.verbund.acd.portal.disposition;

import io.verbund.acd.persistence.config.DispositionEntity;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.StableCode;
import io.verbund.acd.portal.api.TenantItems;
import io.verbund.acd.portal.api.TenantNames;
import io.verbund.acd.portal.api.TenantPageQuery;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.MalformedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The dispositions of a tenant, one transaction per call. Codes are unique within the tenant and
 * never change; the group is named, and one the tenant does not have is a field problem. Removing a
 * group removes its dispositions (the schema cascades).
 */
@ApplicationScoped
@Transactional
public class Dispositions implements TenantItems<DispositionRequest, DispositionDocument> {

    static final String KIND = "disposition";
    private static final Logger LOG = Logger.getLogger(Dispositions.class.getName());

    private final EntityManager entities;

    @Inject
    public Dispositions(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected Dispositions() {
        this.entities = null;
    }

    /**
     * @param filter      text in the label
     * @param group       the name of an ACD group: only the dispositions offered in it, its own and
     *                    those for every group; null: all
     * @param enabledOnly null: all; true or false: only those enabled or disabled
     * @throws MalformedRequest when the tenant has no group of that name
     */
    public Page<DispositionDocument> list(AddressedTenant tenant, String filter, String group, Boolean enabledOnly, PageRequest page) {
        TenantPageQuery<DispositionEntity> query = TenantPageQuery.of(DispositionEntity.class, tenant).containing(filter, "label");
        if (group != null && !group.isBlank()) {
            Long groupId = groupId(tenant, group).orElseThrow(() -> new MalformedRequest(
                    "group: tenant " + tenant.key() + " has no ACD group named '" + ClientText.echo(group, 100) + "'"));
            query.where("e.groupId = :group OR e.groupId IS NULL", "group", groupId);
        }
        if (enabledOnly != null) {
            query.where("e.enabled = :enabled", "enabled", enabledOnly);
        }
        Page<DispositionEntity> rows = query.page(entities, page, "label", "code");
        Map<Long, String> groups = TenantNames.groupNamesById(entities,
                rows.items().stream().map(DispositionEntity::getGroupId).filter(Objects::nonNull).distinct().toList(), tenant);
        return new Page<>(rows.items().stream().map(row -> document(row, groups)).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public DispositionDocument get(AddressedTenant tenant, long id) {
        return document(find(tenant, id), tenant);
    }

    @Override
    public DispositionDocument create(AddressedTenant tenant, DispositionRequest request, Caller by) {
        if (TenantRows.taken(entities, DispositionEntity.class, "code", request.code(), null, tenant)) {
            throw InvalidFields.of("code", PortalWords.text("disposition.code-taken", request.code()), tenant.key());
        }
        DispositionEntity disposition = new DispositionEntity(tenant.idValue(), request.code());
        apply(tenant, disposition, request);
        entities.persist(disposition);
        entities.flush();
        LOG.info(() -> "disposition " + disposition.getCode() + " (" + disposition.getId() + ") created in tenant " + tenant.key()
                + " by " + by);
        return document(disposition, tenant);
    }

    @Override
    public DispositionDocument replace(AddressedTenant tenant, long id, DispositionRequest request, String ifMatch, Caller by) {
        DispositionEntity disposition = find(tenant, id);
        EntityVersion.require(KIND + " " + disposition.getCode(), disposition.getVersion(),
                RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        StableCode.requireUnchanged(disposition.getCode(), request.code(), KIND, tenant.key());
        apply(tenant, disposition, request);
        entities.flush();
        LOG.info(() -> "disposition " + disposition.getCode() + " (" + id + ") changed to version " + disposition.getVersion()
                + " in tenant " + tenant.key() + " by " + by);
        return document(disposition, tenant);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        DispositionEntity disposition = find(tenant, id);
        EntityVersion.require(KIND + " " + disposition.getCode(), disposition.getVersion(), disposition.getVersion(), ifMatch,
                tenant.key());
        entities.remove(disposition);
        entities.flush();
        LOG.info(() -> "disposition " + disposition.getCode() + " (" + id + ") removed from tenant " + tenant.key() + " by " + by);
    }

    private DispositionEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, DispositionEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private void apply(AddressedTenant tenant, DispositionEntity disposition, DispositionRequest request) {
        Long groupId = request.group() == null ? null : groupId(tenant, request.group()).orElseThrow(() -> InvalidFields.of(
                "group", "the tenant has no ACD group named '" + ClientText.echo(request.group(), 100) + "'", tenant.key()));
        disposition.setLabel(request.label().strip());
        disposition.setGroupId(groupId);
        disposition.setEnabled(Objects.requireNonNullElse(request.enabled(), true));
    }

    /**
     * The group's id, compared as the database compares names ({@code Sales} finds {@code sales}), so
     * a name that the unique key would call taken is also found.
     */
    private Optional<Long> groupId(AddressedTenant tenant, String name) {
        return TenantNames.groupIdsByName(entities, List.of(name.strip()), tenant).values().stream().findFirst();
    }

    private DispositionDocument document(DispositionEntity disposition, AddressedTenant tenant) {
        Map<Long, String> groups = disposition.getGroupId() == null ? Map.of()
                : TenantNames.groupNamesById(entities, List.of(disposition.getGroupId()), tenant);
        return document(disposition, groups);
    }

    private static DispositionDocument document(DispositionEntity disposition, Map<Long, String> groupNames) {
        return new DispositionDocument(disposition.getId(), disposition.getCode(), disposition.getLabel(),
                disposition.getGroupId() == null ? null : groupNames.get(disposition.getGroupId()),
                disposition.isEnabled(), disposition.getVersion(), disposition.getUpdatedAt());
    }
}
