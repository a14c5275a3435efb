package io.verbund.acd.telephony.record;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.verbund.acd.runtime.agent.JdbcAgentEvents;
import io.verbund.acd.runtime.cache.TimedCache;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.journal.JournalBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The event pipeline's meters (docs/operations.md, Metrics): for each of this node's journals (call
 * records and events, agent events) what waits for the master and since when, and the rows the
 * master refused; and the dead letters in the database, counted on the real-time replica at most
 * once in {@link #DEAD_LETTER_COUNT_AGE}, however often Prometheus scrapes.
 */
@ApplicationScoped
public class PipelineMeters {

    private static final Logger LOG = Logger.getLogger(PipelineMeters.class.getName());
    /** A COUNT over event_dead_letter per scrape would load the replica for nothing: dead letters are rare. */
    static final Duration DEAD_LETTER_COUNT_AGE = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final CallRecorder recorder;
    private final JdbcAgentEvents agentEvents;
    private final Datasources datasources;
    private final Clock clock;
    private final TimedCache<String, Double> deadLetterCount;
    /** Gauge state the registry holds weakly; held here for the deployment's life. */
    private final Journal callRecords;
    private final Journal agentJournal;

    @Inject
    public PipelineMeters(MeterRegistry registry, CallRecorder recorder, JdbcAgentEvents agentEvents, Datasources datasources, Clock clock) {
        this.registry = registry;
        this.recorder = recorder;
        this.agentEvents = agentEvents;
        this.datasources = datasources;
        this.clock = clock;
        this.deadLetterCount = clock == null ? null : new TimedCache<>(DEAD_LETTER_COUNT_AGE, 1, clock);
        this.callRecords = recorder == null ? null : new Journal(CallRecorder.JOURNAL, recorder::backlog, recorder::deadLettered);
        this.agentJournal = agentEvents == null ? null
                : new Journal(agentEvents.journalName(), agentEvents::backlog, agentEvents::deadLettered);
    }

    /** For CDI's proxy only. */
    protected PipelineMeters() {
        this(null, null, null, null, null);
    }

    void start(@Observes Startup startup) {
        register(callRecords);
        register(agentJournal);
        registry.gauge("verbund.event.dead.letters", Tags.empty(), this, PipelineMeters::deadLettersInDatabase);
    }

    private void register(Journal journal) {
        Tags tags = Tags.of("journal", journal.name);
        registry.gauge("verbund.journal.backlog.entries", tags, journal, one -> one.backlog.get().entries());
        registry.gauge("verbund.journal.lag.seconds", tags, journal, one -> one.backlog.get().oldestAge(clock.instant()).toMillis() / 1000.0);
        registry.more().counter("verbund.journal.dead.letters", tags, journal, one -> one.deadLettered.getAsLong());
    }

    /** Rows in event_dead_letter, from every node; NaN while the replica cannot be asked. */
    private double deadLettersInDatabase() {
        try {
            return deadLetterCount.get("all", all -> countDeadLetters());
        } catch (IllegalStateException e) {
            LOG.fine(() -> "dead letters not counted: " + e.getMessage());
            return Double.NaN;
        }
    }

    private double countDeadLetters() {
        try (Connection db = datasources.forRole(DatasourceRole.REALTIME).getConnection();
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM event_dead_letter");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private record Journal(String name, Supplier<JournalBacklog> backlog, LongSupplier deadLettered) {
    }
}
