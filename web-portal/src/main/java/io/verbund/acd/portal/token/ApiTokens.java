package io.verbund.acd.portal.token;

import io.verbund.acd.persistence.config.ApiTokenEntity;
import io.verbund.acd.persistence.config.UserEntity;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.security.ApiScope;
import io.verbund.acd.runtime.security.ApiTokenSecret;
import io.verbund.acd.runtime.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The API tokens of a tenant. A revoked token stays listed (who had access, until when); it stops
 * working on every node within {@link io.verbund.acd.runtime.security.TokenAuthenticator#TIME_TO_LIVE}.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    static final String KIND = "API token";
    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());

    private final EntityManager entities;

    @Inject
    public ApiTokens(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected ApiTokens() {
        this.entities = null;
    }

    public Page<TokenDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<ApiTokenEntity> rows = TenantRows.page(entities, ApiTokenEntity.class, "name", filter, page, tenant);
        return new Page<>(rows.items().stream().map(token -> document(token, null)).toList(), rows.total(), rows.offset(), rows.limit());
    }

    public TokenDocument create(AddressedTenant tenant, TokenRequest request, Caller by) {
        Set<ApiScope> scopes;
        try {
            scopes = ApiScope.parse(String.join(" ", request.scopes()));
        } catch (IllegalArgumentException e) {
            throw InvalidFields.of("scopes", e.getMessage(), tenant.key());
        }
        if (TenantRows.taken(entities, ApiTokenEntity.class, "name", request.name().strip(), null, tenant)) {
            throw InvalidFields.of("name", PortalWords.text("token.name-taken", request.name().strip()), tenant.key());
        }
        ApiTokenSecret secret = ApiTokenSecret.generate();
        // A system admin or reseller acting on another tenant has no user there: the token is then the tenant's own.
        Long creator = tenant.callersOwn() ? by.user().value() : anyAdminOf(tenant);
        ApiTokenEntity token = new ApiTokenEntity(tenant.idValue(), request.name().strip(), secret.visiblePrefix(), secret.sha256Hex(), creator);
        token.setScopes(ApiScope.format(scopes));
        token.setExpiresAt(request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MILLIS));
        entities.persist(token);
        entities.flush();
        LOG.info(() -> "API token " + token.getName() + " (" + secret + ") created in tenant " + tenant.key() + " with scopes "
                + token.getScopes() + " by " + by.login());
        return document(token, secret.reveal());
    }

    public TokenDocument revoke(AddressedTenant tenant, long id, Caller by) {
        ApiTokenEntity token = TenantRows.find(entities, ApiTokenEntity.class, id, tenant)
                .orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
        if (token.getRevokedAt() == null) {
            token.setRevokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            entities.flush();
            LOG.info(() -> "API token " + token.getName() + " revoked in tenant " + tenant.key() + " by " + by.login());
        }
        return document(token, null);
    }

    private Long anyAdminOf(AddressedTenant tenant) {
        return entities.createQuery("SELECT u.id FROM UserEntity u JOIN u.roles r WHERE u.tenantId = :tenant AND r = 'TENANT_ADMIN'"
                        + " AND u.enabled = true ORDER BY u.id", Long.class)
                .setParameter("tenant", tenant.idValue()).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> InvalidFields.of("name", "tenant " + tenant.key() + " has no enabled tenant admin a token could act for",
                        tenant.key()));
    }

    private TokenDocument document(ApiTokenEntity token, String secret) {
        String creator = Optional.ofNullable(token.getCreatedBy()).map(id -> entities.find(UserEntity.class, id))
                .map(UserEntity::getLogin).orElse(null);
        return new TokenDocument(token.getId(), token.getName(), token.getTokenPrefix(), List.of(token.getScopes().split(" ")),
                creator, token.getCreatedAt(), token.getExpiresAt(), token.getRevokedAt(), token.getLastUsedAt(), secret);
    }
}
