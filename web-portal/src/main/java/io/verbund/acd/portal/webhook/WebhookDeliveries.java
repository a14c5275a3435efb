package io.verbund.acd.portal.webhook;

import io.verbund.acd.portal.event.PortalEvent;
import io.verbund.acd.runtime.config.ConfigurationChanges;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.outbound.OutboundHttp;
import io.verbund.acd.runtime.outbound.RefusedTarget;
import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sends each event that happened on this node to the tenant's webhooks that want it: a JSON POST
 * signed with the webhook's secret ({@link WebhookSignature}), answered 2xx within
 * {@link #TIMEOUT}, else tried again after each of {@link #RETRY_DELAYS} with the same delivery id
 * (so a receiver can drop duplicates). The outcome of the last attempt is kept on the webhook for
 * its admin. Retries wait in this node's memory: a node that stops drops its pending retries.
 */
@ApplicationScoped
public class WebhookDeliveries {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ANSWER = 16 * 1024;
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());
    private static final String HOOKS = "SELECT w.id, w.url, w.secret, w.events FROM webhook w JOIN tenant t ON t.id = w.tenant_id"
            + " WHERE t.tenant_key = ? AND w.enabled";
    private static final String OUTCOME = "UPDATE webhook SET last_status = ?, last_attempt_at = CURRENT_TIMESTAMP(3) WHERE id = ?";

    /** A webhook as deliveries need it. */
    record Hook(long id, URI url, String secret, Set<String> events) {
        boolean wants(String event) {
            return events.contains("*") || events.contains(event);
        }
    }

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final Datasources datasources;
    private final ConfigurationChanges changes;
    private final Map<TenantKey, List<Hook>> hooks = new ConcurrentHashMap<>();
    private final Runnable forget = hooks::clear;
    private final OutboundHttp http;

    @Inject
    public WebhookDeliveries(Datasources datasources, ConfigurationChanges changes, OutboundHttp http) {
        this.datasources = datasources;
        this.changes = changes;
        this.http = http;
    }

    /** For CDI's proxy only. */
    protected WebhookDeliveries() {
        this.datasources = null;
        this.changes = null;
        this.http = null;
    }

    @PostConstruct
    void watch() {
        changes.watch(forget);
    }

    @PreDestroy
    void stop() {
        changes.stopWatching(forget);
    }

    void published(@ObservesAsync PortalEvent event) {
        for (Hook hook : hooksOf(event.tenant())) {
            if (hook.wants(event.name())) {
                String body = "{\"id\":\"" + event.id() + "\",\"event\":\"" + event.name() + "\",\"tenant\":\"" + event.tenant()
                        + "\",\"sentAt\":\"" + Instant.now() + "\",\"data\":" + event.data() + "}";
                attempt(hook, event.name(), UUID.randomUUID().toString(), body, 0);
            }
        }
    }

    private void attempt(Hook hook, String event, String delivery, String body, int attempt) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of("User-Agent", "Verbund-ACD-Webhooks/1", "X-Verbund-Event", event,
                "X-Verbund-Delivery", delivery, WebhookSignature.HEADER, WebhookSignature.sign(hook.secret(), now, body));
        // The receiver's answer is not read, only its status: a small limit keeps a chatty one cheap.
        http.postJson(hook.url(), headers, body, TIMEOUT, MAX_ANSWER).whenCompleteAsync((response, failure) -> {
            boolean delivered = failure == null && response.successful();
            String outcome = failure == null ? "HTTP " + response.status() : outcomeOf(failure);
            if (delivered) {
                record(hook, outcome + " (attempt " + (attempt + 1) + ")");
            } else if (attempt < RETRY_DELAYS.size()) {
                Duration delay = RETRY_DELAYS.get(attempt);
                LOG.fine(() -> "webhook " + hook.id() + " delivery " + delivery + " failed (" + outcome + "), again in " + delay.toSeconds() + " s");
                record(hook, outcome + " (attempt " + (attempt + 1) + ", retrying)");
                scheduler.schedule(() -> attempt(hook, event, delivery, body, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.warning(() -> "webhook " + hook.id() + " to " + hook.url().getHost() + " gave up on delivery " + delivery + " of "
                        + event + " after " + (attempt + 1) + " attempts: " + outcome);
                record(hook, outcome + " (gave up after " + (attempt + 1) + " attempts)");
            }
        }, scheduler);
    }

    /** What the hook's admin sees of a failure: the refusal of an internal address says which and why. */
    private static String outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedTarget) {
                return "refused: " + cause.getMessage();
            }
        }
        Throwable shown = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return shown.getClass().getSimpleName();
    }

    private List<Hook> hooksOf(TenantKey tenant) {
        return hooks.computeIfAbsent(tenant, key -> {
            List<Hook> found = new ArrayList<>();
            try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
                 PreparedStatement query = db.prepareStatement(HOOKS)) {
                query.setString(1, key.value());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Hook(rows.getLong(1), URI.create(rows.getString(2)), rows.getString(3),
                                Set.of(rows.getString(4).split(" "))));
                    }
                }
            } catch (SQLException | IllegalArgumentException e) {
                LOG.warning(() -> "cannot read the webhooks of " + key + ": " + e.getMessage());
            }
            return List.copyOf(found);
        });
    }

    private void record(Hook hook, String outcome) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement update = db.prepareStatement(OUTCOME)) {
            update.setString(1, outcome.length() > 200 ? outcome.substring(0, 200) : outcome);
            update.setLong(2, hook.id());
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.fine(() -> "could not record a webhook outcome: " + e.getMessage());
        }
    }
}
