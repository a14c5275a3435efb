package io.verbund.acd.portal.webhook;

import io.verbund.acd.persistence.config.WebhookEntity;
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
import io.verbund.acd.runtime.outbound.OutboundTargets;
import io.verbund.acd.runtime.problem.InvalidFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The webhooks of a tenant; the secret is made here and shown once. */
@ApplicationScoped
@Transactional
public class Webhooks implements TenantItems<WebhookRequest, WebhookDocument> {

    static final String KIND = "webhook";
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    private final EntityManager entities;
    private final OutboundTargets targets;

    @Inject
    public Webhooks(EntityManager entities, @ConfigProperty(name = OutboundTargets.PROPERTY) Optional<String> allowedTargets) {
        this.entities = entities;
        this.targets = OutboundTargets.parse(allowedTargets);
    }

    /** For CDI's proxy only. */
    protected Webhooks() {
        this.entities = null;
        this.targets = null;
    }

    public Page<WebhookDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<WebhookEntity> rows = TenantRows.page(entities, WebhookEntity.class, "name", filter, page, tenant);
        return new Page<>(rows.items().stream().map(hook -> document(hook, null)).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public WebhookDocument get(AddressedTenant tenant, long id) {
        return document(find(tenant, id), null);
    }

    @Override
    public WebhookDocument create(AddressedTenant tenant, WebhookRequest request, Caller by) {
        requireFreeName(tenant, request.name(), null);
        WebhookEntity hook = new WebhookEntity(tenant.idValue(), WebhookSignature.newSecret());
        apply(tenant, hook, request);
        entities.persist(hook);
        entities.flush();
        LOG.info(() -> "webhook " + hook.getName() + " to " + hook.getUrl() + " created in tenant " + tenant.key() + " by " + by);
        return document(hook, hook.getSecret());
    }

    @Override
    public WebhookDocument replace(AddressedTenant tenant, long id, WebhookRequest request, String ifMatch, Caller by) {
        WebhookEntity hook = find(tenant, id);
        EntityVersion.require(KIND + " '" + hook.getName() + "'", hook.getVersion(), RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        requireFreeName(tenant, request.name(), hook.getId());
        apply(tenant, hook, request);
        entities.flush();
        LOG.info(() -> "webhook " + hook.getName() + " changed in tenant " + tenant.key() + " by " + by);
        return document(hook, null);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        WebhookEntity hook = find(tenant, id);
        EntityVersion.require(KIND + " '" + hook.getName() + "'", hook.getVersion(), hook.getVersion(), ifMatch, tenant.key());
        entities.remove(hook);
        entities.flush();
        LOG.info(() -> "webhook " + hook.getName() + " removed from tenant " + tenant.key() + " by " + by);
    }

    private void apply(AddressedTenant tenant, WebhookEntity hook, WebhookRequest request) {
        WebhookTarget.problem(request.url(), targets).ifPresent(problem -> {
            throw InvalidFields.of("url", problem, tenant.key());
        });
        hook.setName(request.name().strip());
        hook.setUrl(request.url().strip());
        hook.setEvents(request.events().contains("*") ? "*" : String.join(" ", request.events().stream().distinct().sorted().toList()));
        hook.setEnabled(!Boolean.FALSE.equals(request.enabled()));
    }

    private void requireFreeName(AddressedTenant tenant, String name, Long exceptId) {
        if (TenantRows.taken(entities, WebhookEntity.class, "name", name.strip(), exceptId, tenant)) {
            throw InvalidFields.of("name", PortalWords.text("webhook.name-taken", name.strip()), tenant.key());
        }
    }

    private WebhookEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, WebhookEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private static WebhookDocument document(WebhookEntity hook, String secret) {
        return new WebhookDocument(hook.getId(), hook.getName(), hook.getUrl(), List.of(hook.getEvents().split(" ")), hook.isEnabled(),
                hook.getLastStatus(), hook.getLastAttemptAt(), hook.getVersion(), hook.getUpdatedAt(), secret);
    }
}
