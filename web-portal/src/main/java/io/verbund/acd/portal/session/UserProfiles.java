package io.verbund.acd.portal.session;

import io.verbund.acd.persistence.config.TenantEntity;
import io.verbund.acd.persistence.config.UserEntity;
import io.verbund.acd.runtime.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The parts of a session document the caller does not carry: display name and language. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UserProfiles {

    private final EntityManager entities;

    @Inject
    public UserProfiles(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected UserProfiles() {
        this.entities = null;
    }

    public SessionDocument document(Caller caller, String csrfToken) {
        Optional<UserEntity> user = Optional.ofNullable(entities.find(UserEntity.class, caller.user().value()));
        TenantEntity tenant = entities.find(TenantEntity.class, caller.tenantId().value());
        String locale = user.map(UserEntity::getLocale).orElse(null);
        if (locale == null && tenant != null) {
            locale = tenant.getDefaultLocale();
        }
        return new SessionDocument(caller.login(), user.map(UserEntity::getDisplayName).orElse(caller.login()), caller.tenant().value(),
                caller.roles().stream().map(Enum::name).sorted().toList(), caller.agent().map(agent -> agent.extension()).orElse(null),
                locale, csrfToken);
    }
}
