package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.SipCredentials;
import io.verbund.acd.persistence.config.AgentEntity;
import io.verbund.acd.persistence.config.AgentSkill;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.TenantNames;
import io.verbund.acd.portal.api.TenantPageQuery;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.runtime.agent.InfinispanAgentStates;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The agents of a tenant as configuration, one transaction per call, addressed by extension. The
 * SIP password is turned into its digest (HA1) here and never stored, logged or answered. Skills and
 * the linked portal user are named (skill name, login); one the tenant does not have is a field
 * problem naming the entry. An agent that is not logged out cannot be removed or disabled
 * ({@link AgentLoggedIn}).
 */
@ApplicationScoped
@Transactional
public class Agents {

    static final String KIND = "agent";
    private static final Logger LOG = Logger.getLogger(Agents.class.getName());

    private final EntityManager entities;
    private final InfinispanAgentStates states;

    @Inject
    public Agents(EntityManager entities, InfinispanAgentStates states) {
        this.entities = entities;
        this.states = states;
    }

    /** For CDI's proxy only. */
    protected Agents() {
        this.entities = null;
        this.states = null;
    }

    /** @param filter text in the extension or the display name */
    public Page<AgentDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<AgentEntity> rows = TenantPageQuery.of(AgentEntity.class, tenant).containing(filter, "extension", "displayName")
                .page(entities, page, "extension");
        return new Page<>(documents(rows.items(), skillsOf(rows.items(), tenant), tenant), rows.total(), rows.offset(), rows.limit());
    }

    public AgentDocument get(AddressedTenant tenant, String extension) {
        return document(find(tenant, extension), tenant);
    }

    public AgentDocument create(AddressedTenant tenant, AgentRequest request, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (TenantRows.taken(entities, AgentEntity.class, "extension", request.extension(), null, tenant)) {
            problems.add(new FieldProblem("extension", PortalWords.text("agent.extension-taken", request.extension())));
        }
        if (request.sipPassword() == null) {
            problems.add(new FieldProblem("sipPassword", PortalWords.text("agent.sip-password-needed")));
        }
        String sipUsername = Objects.requireNonNullElse(request.sipUsername(), request.extension());
        requireFreeSipUsername(sipUsername, null, request.sipUsername() == null, problems);
        Long userId = linkedUser(tenant, request.userLogin(), null, problems);
        List<AgentSkill> skills = skills(tenant, request.skills(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, tenant.key());
        }
        AgentEntity agent = new AgentEntity(tenant.idValue(), request.extension());
        agent.setDisplayName(request.displayName().strip());
        setCredentials(agent, PhoneCredentials.forNewAgent(sipUsername, request.sipPassword()));
        agent.setUserId(userId);
        agent.setEnabled(Objects.requireNonNullElse(request.enabled(), true));
        agent.getSkills().addAll(skills);
        entities.persist(agent);
        entities.flush();
        LOG.info(() -> "agent " + agent.getExtension() + " (" + agent.getId() + ") created in tenant " + tenant.key() + " by " + by
                + ": SIP user " + agent.getSipUsername() + (agent.isEnabled() ? "" : ", disabled"));
        return document(agent, tenant);
    }

    public AgentDocument replace(AddressedTenant tenant, String extension, AgentRequest request, String ifMatch, String by) {
        AgentEntity agent = find(tenant, extension);
        EntityVersion.require(KIND + " " + agent.getExtension(), agent.getVersion(), RequiredVersion.of(request.version(), tenant.key()),
                ifMatch, tenant.key());
        if (!agent.getExtension().equals(request.extension())) {
            throw InvalidFields.of("extension", "cannot be changed from " + agent.getExtension()
                    + ": it is the agent's key. Create an agent with the new extension instead", tenant.key());
        }
        List<FieldProblem> problems = new ArrayList<>();
        SipCredentials current = new SipCredentials(agent.getSipUsername(), agent.getSipRealm(), agent.getSipHa1());
        String sipUsername = Objects.requireNonNullElse(request.sipUsername(), agent.getSipUsername());
        if (PhoneCredentials.needsPassword(current, sipUsername)) {
            requireFreeSipUsername(sipUsername, agent.getId(), false, problems);
            if (request.sipPassword() == null) {
                problems.add(new FieldProblem("sipPassword", "is required to change sipUsername: the stored digest covers"
                        + " user name and password together"));
            }
        }
        Long userId = linkedUser(tenant, request.userLogin(), agent.getId(), problems);
        List<AgentSkill> skills = skills(tenant, request.skills(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, tenant.key());
        }
        boolean enabled = Objects.requireNonNullElse(request.enabled(), true);
        if (agent.isEnabled() && !enabled) {
            requireLoggedOut(tenant, agent, "disabled");
        }
        agent.setDisplayName(request.displayName().strip());
        setCredentials(agent, PhoneCredentials.afterChange(current, sipUsername, request.sipPassword()));
        agent.setUserId(userId);
        agent.setEnabled(enabled);
        agent.getSkills().clear();
        agent.getSkills().addAll(skills);
        entities.flush();
        LOG.info(() -> "agent " + agent.getExtension() + " (" + agent.getId() + ") changed to version " + agent.getVersion()
                + " in tenant " + tenant.key() + " by " + by + ": SIP user " + agent.getSipUsername()
                + (request.sipPassword() != null ? ", SIP password changed" : "") + (agent.isEnabled() ? "" : ", disabled"));
        return document(agent, tenant);
    }

    public void remove(AddressedTenant tenant, String extension, String ifMatch, String by) {
        AgentEntity agent = find(tenant, extension);
        EntityVersion.require(KIND + " " + agent.getExtension(), agent.getVersion(), agent.getVersion(), ifMatch, tenant.key());
        requireLoggedOut(tenant, agent, "removed");
        entities.remove(agent);
        entities.flush();
        LOG.info(() -> "agent " + agent.getExtension() + " (" + agent.getId() + ") removed from tenant " + tenant.key() + " by " + by);
    }

    /** Whether the tenant has an enabled agent with this extension (a transfer's target, say). */
    public boolean exists(AddressedTenant tenant, String extension) {
        return !entities.createQuery("SELECT a.id FROM AgentEntity a WHERE a.tenantId = :tenant AND a.extension = :extension AND a.enabled = true",
                        Long.class)
                .setParameter("tenant", tenant.idValue()).setParameter("extension", extension).setMaxResults(1).getResultList().isEmpty();
    }

    private AgentEntity find(AddressedTenant tenant, String extension) {
        return entities.createQuery("SELECT a FROM AgentEntity a WHERE a.tenantId = :tenant AND a.extension = :extension", AgentEntity.class)
                .setParameter("tenant", tenant.idValue()).setParameter("extension", extension)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new UnknownItem(KIND, extension, tenant.key()));
    }

    /**
     * Checked across every tenant, because the registrar finds the phone by user name alone. The
     * message names no tenant, so no admin learns another tenant's agents.
     */
    private void requireFreeSipUsername(String sipUsername, Long exceptId, boolean defaulted, List<FieldProblem> problems) {
        long holders = entities.createQuery("SELECT COUNT(a) FROM AgentEntity a WHERE a.sipUsername = :name AND a.id <> :except", Long.class)
                .setParameter("name", sipUsername).setParameter("except", exceptId == null ? -1L : exceptId)
                .getSingleResult();
        if (holders > 0) {
            problems.add(new FieldProblem("sipUsername", defaulted
                    ? "the SIP user name defaults to the extension, and " + sipUsername + " is already in use in this installation;"
                            + " choose a sipUsername"
                    : "'" + sipUsername + "' is already in use in this installation; choose another"));
        }
    }

    /** The id of the tenant's user with this login, if it works as no other agent; null for no login. */
    private Long linkedUser(AddressedTenant tenant, String login, Long agentId, List<FieldProblem> problems) {
        if (login == null) {
            return null;
        }
        List<Long> users = entities.createQuery("SELECT u.id FROM UserEntity u WHERE u.tenantId = :tenant AND u.login = :login", Long.class)
                .setParameter("tenant", tenant.idValue()).setParameter("login", login.strip()).getResultList();
        if (users.isEmpty()) {
            problems.add(new FieldProblem("userLogin", PortalWords.text("agent.user-unknown", ClientText.echo(login, 120))));
            return null;
        }
        List<String> others = entities.createQuery("SELECT a.extension FROM AgentEntity a WHERE a.userId = :user AND a.id <> :except",
                        String.class)
                .setParameter("user", users.get(0)).setParameter("except", agentId == null ? -1L : agentId).getResultList();
        if (!others.isEmpty()) {
            problems.add(new FieldProblem("userLogin", "user '" + ClientText.echo(login, 120) + "' already works as agent " + others.get(0)));
            return null;
        }
        return users.get(0);
    }

    private List<AgentSkill> skills(AddressedTenant tenant, List<AgentRequest.Skill> requested, List<FieldProblem> problems) {
        List<AgentRequest.Skill> skills = Objects.requireNonNullElse(requested, List.of());
        Map<String, Long> ids = TenantNames.skillIdsByName(entities, skills.stream().map(AgentRequest.Skill::skill).toList(), tenant);
        List<AgentSkill> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            AgentRequest.Skill skill = skills.get(i);
            Long id = ids.get(skill.skill());
            if (id == null) {
                problems.add(new FieldProblem("skills[" + i + "].skill", PortalWords.text("common.skill-unknown", ClientText.echo(skill.skill(), 100))));
            } else if (!seen.add(skill.skill())) {
                problems.add(new FieldProblem("skills[" + i + "].skill", PortalWords.text("common.skill-twice", ClientText.echo(skill.skill(), 100))));
            } else {
                found.add(new AgentSkill(tenant.idValue(), id, skill.proficiency()));
            }
        }
        return found;
    }

    private void requireLoggedOut(AddressedTenant tenant, AgentEntity agent, String change) {
        AgentKey key;
        try {
            key = new AgentKey(tenant.key(), agent.getExtension());
        } catch (IllegalArgumentException e) {
            return; // an extension no agent key can hold never had a live state
        }
        AgentStatus status = states.current(key);
        if (status.state() != AgentState.LOGGED_OUT) {
            throw new AgentLoggedIn(agent.getExtension(), status.state(), change, tenant.key());
        }
    }

    private static void setCredentials(AgentEntity agent, SipCredentials credentials) {
        agent.setSipUsername(credentials.username());
        agent.setSipRealm(credentials.realm());
        agent.setSipHa1(credentials.ha1());
    }

    /** The skills of a page of agents in one query, rather than one per agent. */
    private Map<Long, List<AgentSkill>> skillsOf(List<AgentEntity> agents, AddressedTenant tenant) {
        Map<Long, List<AgentSkill>> skills = new HashMap<>();
        if (agents.isEmpty()) {
            return skills;
        }
        List<Object[]> rows = entities.createQuery("SELECT a.id, s.skillId, s.proficiency FROM AgentEntity a JOIN a.skills s"
                        + " WHERE a.tenantId = :tenant AND a.id IN :ids", Object[].class)
                .setParameter("tenant", tenant.idValue()).setParameter("ids", agents.stream().map(AgentEntity::getId).toList())
                .getResultList();
        for (Object[] row : rows) {
            skills.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(new AgentSkill(tenant.idValue(), (Long) row[1], (Integer) row[2]));
        }
        return skills;
    }

    private AgentDocument document(AgentEntity agent, AddressedTenant tenant) {
        return documents(List.of(agent), Map.of(agent.getId(), agent.getSkills()), tenant).get(0);
    }

    private List<AgentDocument> documents(List<AgentEntity> agents, Map<Long, List<AgentSkill>> skills, AddressedTenant tenant) {
        Map<Long, String> skillNames = TenantNames.skillNamesById(entities,
                skills.values().stream().flatMap(List::stream).map(AgentSkill::getSkillId).distinct().toList(), tenant);
        Map<Long, String> logins = loginsById(agents.stream().map(AgentEntity::getUserId).filter(Objects::nonNull).toList(), tenant);
        Function<AgentEntity, List<AgentDocument.Skill>> skillsOf = agent -> skills.getOrDefault(agent.getId(), List.of()).stream()
                .map(skill -> new AgentDocument.Skill(skillNames.get(skill.getSkillId()), skill.getProficiency()))
                .sorted(Comparator.comparing(AgentDocument.Skill::skill, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return agents.stream()
                .map(agent -> new AgentDocument(agent.getId(), agent.getExtension(), agent.getDisplayName(), agent.getSipUsername(),
                        agent.getUserId() == null ? null : logins.get(agent.getUserId()), agent.isEnabled(), skillsOf.apply(agent),
                        agent.getVersion(), agent.getUpdatedAt()))
                .toList();
    }

    private Map<Long, String> loginsById(List<Long> userIds, AddressedTenant tenant) {
        Map<Long, String> logins = new HashMap<>();
        if (userIds.isEmpty()) {
            return logins;
        }
        entities.createQuery("SELECT u.id, u.login FROM UserEntity u WHERE u.tenantId = :tenant AND u.id IN :ids", Object[].class)
                .setParameter("tenant", tenant.idValue()).setParameter("ids", userIds)
                .getResultList().forEach(row -> logins.put((Long) row[0], (String) row[1]));
        return logins;
    }
}
