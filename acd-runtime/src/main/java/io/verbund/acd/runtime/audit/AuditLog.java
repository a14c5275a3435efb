package io.verbund.acd.runtime.audit;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.journal.JournalBacklog;
import io.verbund.acd.runtime.journal.JournaledStatement;
import io.verbund.acd.runtime.journal.MasterJournal;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records audit entries: each goes to this service's journal {@code audit-<service>}
 * ({@link MasterJournal}) before {@link #record} returns, and from there to {@code audit_event} on
 * the master, in order, a moment later; also when the master was down at the time. A redelivered
 * entry inserts nothing (its {@code event_id} is unique). Nothing here updates or deletes an entry.
 *
 * <p>Usable from any service with acd-runtime: resources are audited by web-portal's filter, and
 * security code records its events (a lockout, an erasure) with {@link #record} directly.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final String KIND = "AUDIT_EVENT";
    private static final String INSERT = "INSERT INTO audit_event (event_id, tenant_id, occurred_at, actor_kind, actor_id, actor_name,"
            + " actor_roles, actor_tenant_id, client_address, entity_type, entity_id, action, summary, node)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE event_id = event_id";

    private final Datasources datasources;
    private final Path dataFolder;
    private final String service;
    private final String node;
    private final Clock clock;
    private volatile MasterJournal journal;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    public AuditLog(Datasources datasources, @ConfigProperty(name = "jboss.server.data.dir") String dataFolder,
                    @ConfigProperty(name = "verbund.service.name") String service,
                    @ConfigProperty(name = "jboss.node.name") Optional<String> node, Clock clock) {
        this.datasources = datasources;
        this.dataFolder = Path.of(dataFolder);
        this.service = service;
        this.node = node.orElse(null);
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected AuditLog() {
        this.datasources = null;
        this.dataFolder = null;
        this.service = null;
        this.node = null;
        this.clock = null;
    }

    /** The journal's name, {@code audit-<service>}: its folder and the {@code source} of its dead letters. */
    public String journalName() {
        return "audit-" + service;
    }

    /** The clock entries take their time from, so callers building an entry use the same one. */
    public Clock clock() {
        return clock;
    }

    /**
     * Opens the journal and drains what an earlier run left in it. Called at start-up by the
     * services that audit (on a deployment thread); {@link #record} opens it too if nobody did.
     */
    public synchronized void start() {
        if (journal == null) {
            try {
                journal = MasterJournal.open(journalName(), dataFolder, datasources.forRole(DatasourceRole.MASTER),
                        Map.of(KIND, INSERT), node == null ? "" : node, clock, scheduler);
            } catch (IOException e) {
                throw new UncheckedIOException("the audit journal cannot be opened in " + dataFolder, e);
            }
        }
    }

    /**
     * Journals the entry; when this returns it survives a crash of the node and reaches the master
     * once it is reachable. Logged with its tenant, never its summary's values.
     */
    public void record(AuditEntry entry) {
        MasterJournal open = journal;
        if (open == null) {
            start();
            open = journal;
        }
        AuditActor actor = entry.actor();
        open.append(JournaledStatement.of(KIND, UUID.randomUUID().toString(), entry.tenant().value(), entry.occurredAt(),
                actor.kind().name(), actor.userId(), actor.name(), actor.roles(), actor.tenantId(), entry.clientAddress(),
                entry.entityType(), entry.entityId(), entry.action().name(), entry.summary(), node));
        LOG.fine(() -> "event=audit tenant=" + entry.tenant() + " actor=" + actor.name() + " entity=" + entry.entityType() + "/"
                + entry.entityId() + " action=" + entry.action());
    }

    /** Entries journaled and not yet on the master. */
    public JournalBacklog backlog() {
        MasterJournal open = journal;
        return open == null ? JournalBacklog.EMPTY : open.backlog();
    }

    @PreDestroy
    void stop() {
        MasterJournal open = journal;
        if (open != null) {
            open.close();
        }
    }
}
