package io.verbund.acd.portal.user;

import io.verbund.acd.persistence.config.AgentEntity;
import io.verbund.acd.persistence.config.SupervisedGroup;
import io.verbund.acd.persistence.config.TenantEntity;
import io.verbund.acd.persistence.config.UserEntity;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.TenantItems;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantNames;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.user.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The portal users of a tenant. A tenant's admins grant up to TENANT_ADMIN; only a system
 * administrator grants RESELLER, and only to users of a reseller tenant (those manage the tenants
 * below it). SYSTEM_ADMIN is granted by no one through the API: the platform makes its own
 * (./verbund admin). Passwords are hashed (PBKDF2) before they reach a row or a log.
 */
@ApplicationScoped
@Transactional
public class Users implements TenantItems<UserRequest, UserDocument> {

    static final String KIND = "user";
    private static final Logger LOG = Logger.getLogger(Users.class.getName());

    private final EntityManager entities;

    @Inject
    public Users(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected Users() {
        this.entities = null;
    }

    public Page<UserDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<UserEntity> rows = TenantRows.page(entities, UserEntity.class, "login", filter, page, tenant);
        return new Page<>(rows.items().stream().map(user -> document(user, tenant)).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public UserDocument get(AddressedTenant tenant, long id) {
        return document(find(tenant, id), tenant);
    }

    @Override
    public UserDocument create(AddressedTenant tenant, UserRequest request, Caller by) {
        requireLoginOfTenant(tenant, request.login());
        long holders = entities.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.login = :login", Long.class)
                .setParameter("login", request.login()).getSingleResult();
        if (holders > 0) {
            throw InvalidFields.of("login", PortalWords.text("user.login-taken", request.login()), tenant.key());
        }
        if (request.password() == null) {
            throw InvalidFields.of("password", PortalWords.text("user.password-needed"), tenant.key());
        }
        requireGrantable(tenant, List.of(), request.roles(), by);
        UserEntity user = new UserEntity(tenant.idValue(), request.login());
        apply(tenant, user, request);
        entities.persist(user);
        entities.flush();
        LOG.info(() -> "user " + user.getLogin() + " created in tenant " + tenant.key() + " with roles " + user.getRoles() + " by " + by.login());
        return document(user, tenant);
    }

    @Override
    public UserDocument replace(AddressedTenant tenant, long id, UserRequest request, String ifMatch, Caller by) {
        UserEntity user = find(tenant, id);
        EntityVersion.require(KIND + " " + user.getLogin(), user.getVersion(), RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        if (!user.getLogin().equals(request.login())) {
            throw InvalidFields.of("login", PortalWords.text("user.login-fixed"), tenant.key());
        }
        requireGrantable(tenant, user.getRoles(), request.roles(), by);
        if (user.getId() == by.user().value() && (!request.roles().contains("TENANT_ADMIN") || Boolean.FALSE.equals(request.enabled()))
                && user.getRoles().contains("TENANT_ADMIN")) {
            throw new SelfLockout("You cannot take your own TENANT_ADMIN role or disable yourself; let another admin do it", tenant.key());
        }
        apply(tenant, user, request);
        entities.flush();
        LOG.info(() -> "user " + user.getLogin() + " changed in tenant " + tenant.key() + " (roles " + user.getRoles()
                + (request.password() != null ? ", new password" : "") + ") by " + by.login());
        return document(user, tenant);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        UserEntity user = find(tenant, id);
        EntityVersion.require(KIND + " " + user.getLogin(), user.getVersion(), user.getVersion(), ifMatch, tenant.key());
        if (user.getId() == by.user().value()) {
            throw new SelfLockout("You cannot remove yourself; let another admin do it", tenant.key());
        }
        // The agent row and API tokens point at the user: unlink the agent, keep tokens from dangling.
        entities.createQuery("UPDATE AgentEntity a SET a.userId = NULL WHERE a.tenantId = :tenant AND a.userId = :user")
                .setParameter("tenant", tenant.idValue()).setParameter("user", user.getId()).executeUpdate();
        long tokens = entities.createQuery("SELECT COUNT(t) FROM ApiTokenEntity t WHERE t.createdBy = :user", Long.class)
                .setParameter("user", user.getId()).getSingleResult();
        if (tokens > 0) {
            throw new SelfLockout("User " + user.getLogin() + " created " + tokens
                    + " API token(s) that act in its name; disable the user instead of removing it", tenant.key());
        }
        entities.remove(user);
        entities.flush();
        LOG.info(() -> "user " + user.getLogin() + " removed from tenant " + tenant.key() + " by " + by.login());
    }

    private void requireLoginOfTenant(AddressedTenant tenant, String login) {
        if (!login.endsWith("@" + tenant.key().value())) {
            throw InvalidFields.of("login", PortalWords.text("user.login-of-tenant", tenant.key().value()), tenant.key());
        }
    }

    /**
     * RESELLER, where the request adds it: only by a system administrator, and only in a reseller
     * tenant, since the role manages the tenants below the user's own. A user who has it keeps it
     * through changes by its tenant's admins.
     */
    private void requireGrantable(AddressedTenant tenant, Collection<String> held, List<String> requested, Caller by) {
        int index = requested.indexOf(Role.RESELLER.name());
        if (index < 0 || held.contains(Role.RESELLER.name())) {
            return;
        }
        String field = "roles[" + index + "]";
        if (!by.has(Role.SYSTEM_ADMIN)) {
            throw InvalidFields.of(field, PortalWords.text("user.reseller-by-system-admin"), tenant.key());
        }
        String kind = entities.find(TenantEntity.class, tenant.idValue()).getKind();
        if (!"RESELLER".equals(kind)) {
            throw InvalidFields.of(field, PortalWords.text("user.reseller-tenant", tenant.key().value()), tenant.key());
        }
    }

    private void apply(AddressedTenant tenant, UserEntity user, UserRequest request) {
        List<String> groups = Objects.requireNonNullElse(request.supervisedGroups(), List.of());
        Map<String, Long> groupIds = TenantNames.groupIdsByName(entities, groups, tenant);
        List<FieldProblem> problems = new ArrayList<>();
        List<SupervisedGroup> supervised = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Long id = groupIds.get(groups.get(i));
            if (id == null) {
                problems.add(new FieldProblem("supervisedGroups[" + i + "]", PortalWords.text("user.supervised-group", groups.get(i))));
            } else {
                supervised.add(new SupervisedGroup(tenant.idValue(), id));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, tenant.key());
        }
        user.setDisplayName(request.displayName().strip());
        user.setLocale(request.locale());
        user.setEnabled(!Boolean.FALSE.equals(request.enabled()));
        if (request.password() != null) {
            user.setPasswordHash(PasswordHash.of(request.password().toCharArray()).encoded());
        }
        user.getRoles().clear();
        user.getRoles().addAll(request.roles());
        user.getSupervisedGroups().clear();
        user.getSupervisedGroups().addAll(supervised);
    }

    private UserEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, UserEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private UserDocument document(UserEntity user, AddressedTenant tenant) {
        Map<Long, String> groups = TenantNames.groupNamesById(entities,
                user.getSupervisedGroups().stream().map(SupervisedGroup::getGroupId).toList(), tenant);
        String agent = entities.createQuery("SELECT a.extension FROM AgentEntity a WHERE a.tenantId = :tenant AND a.userId = :user", String.class)
                .setParameter("tenant", tenant.idValue()).setParameter("user", user.getId()).getResultStream().findFirst().orElse(null);
        return new UserDocument(user.getId(), user.getLogin(), user.getDisplayName(), user.getLocale(),
                user.getRoles().stream().sorted().toList(),
                user.getSupervisedGroups().stream().map(group -> groups.get(group.getGroupId())).sorted().toList(),
                agent, user.isEnabled(), user.getVersion(), user.getUpdatedAt());
    }
}
