package io.verbund.acd.portal.skill;

import io.verbund.acd.persistence.config.SkillEntity;
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
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.InvalidFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * The skills of a tenant, one transaction per call. Names are unique within the tenant; removing a
 * skill lets the database cascade it out of {@code agent_skill} and {@code group_skill_requirement},
 * so no agent or group is left naming a skill that is gone.
 */
@ApplicationScoped
@Transactional
public class Skills implements TenantItems<SkillRequest, SkillDocument> {

    static final String KIND = "skill";
    private static final Logger LOG = Logger.getLogger(Skills.class.getName());

    private final EntityManager entities;

    @Inject
    public Skills(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected Skills() {
        this.entities = null;
    }

    public Page<SkillDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<SkillEntity> rows = TenantRows.page(entities, SkillEntity.class, "name", filter, page, tenant);
        return new Page<>(rows.items().stream().map(Skills::document).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public SkillDocument get(AddressedTenant tenant, long id) {
        return document(find(tenant, id));
    }

    @Override
    public SkillDocument create(AddressedTenant tenant, SkillRequest request, Caller by) {
        String name = request.name().strip();
        requireFreeName(tenant, name, null);
        SkillEntity skill = new SkillEntity(tenant.idValue(), name);
        entities.persist(skill);
        entities.flush();
        LOG.info(() -> "skill " + skill.getName() + " (" + skill.getId() + ") created in tenant " + tenant.key() + " by " + by);
        return document(skill);
    }

    @Override
    public SkillDocument replace(AddressedTenant tenant, long id, SkillRequest request, String ifMatch, Caller by) {
        SkillEntity skill = find(tenant, id);
        EntityVersion.require(KIND + " '" + skill.getName() + "'", skill.getVersion(),
                RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        String name = request.name().strip();
        requireFreeName(tenant, name, skill.getId());
        String before = skill.getName();
        skill.setName(name);
        entities.flush();
        LOG.info(() -> "skill " + before + " (" + id + ") renamed to " + skill.getName() + ", version " + skill.getVersion()
                + ", in tenant " + tenant.key() + " by " + by);
        return document(skill);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        SkillEntity skill = find(tenant, id);
        EntityVersion.require(KIND + " '" + skill.getName() + "'", skill.getVersion(), skill.getVersion(), ifMatch, tenant.key());
        entities.remove(skill);
        entities.flush();
        LOG.info(() -> "skill " + skill.getName() + " (" + id + ") removed from tenant " + tenant.key()
                + " and from its agents and groups by " + by);
    }

    private SkillEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, SkillEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private void requireFreeName(AddressedTenant tenant, String name, Long exceptId) {
        if (TenantRows.taken(entities, SkillEntity.class, "name", name, exceptId, tenant)) {
            throw InvalidFields.of("name", PortalWords.text("skill.name-taken", ClientText.echo(name, 100)), tenant.key());
        }
    }

    private static SkillDocument document(SkillEntity skill) {
        return new SkillDocument(skill.getId(), skill.getName(), skill.getVersion(), skill.getUpdatedAt());
    }
}
