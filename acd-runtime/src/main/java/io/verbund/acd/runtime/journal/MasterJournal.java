package io.verbund.acd.runtime.journal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Idempotent writes for the master, journaled on this node and drained to it: what a service
 * appends here is acknowledged once it is in the journal's file, survives a crash of the node and
 * an outage of the master, and reaches the master in order, in batches, a moment later. Every
 * 100 ms the journal is forced to the disk and drained.
 */
public final class MasterJournal implements Closeable {

    private static final Logger LOG = Logger.getLogger(MasterJournal.class.getName());
    /** Group commit and drain both every 100 ms: the delay a write has to the master when all is well. */
    private static final long PERIOD_MILLIS = 100;

    private final String name;
    private final Journal journal;
    private final BisectingSink sink;
    private final JournalDrain drain;
    private final Clock clock;
    private final List<ScheduledFuture<?>> tasks;

    private MasterJournal(String name, Journal journal, BisectingSink sink, Clock clock, ScheduledExecutorService scheduler) {
        this.name = name;
        this.journal = journal;
        this.sink = sink;
        this.clock = clock;
        this.drain = new JournalDrain(name, journal, sink, clock);
        // Two tasks: a drain waiting on the master must not hold back the forcing of new appends.
        this.tasks = List.of(
                scheduler.scheduleWithFixedDelay(this::sync, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(drain::run, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS));
    }

    /**
     * Opens the journal {@code name} under {@code dataFolder} ({@code verbund-journal/<name>}) and
     * starts forcing and draining it.
     *
     * @param sqlByKind each statement kind's SQL, in the order a batch runs them
     */
    public static MasterJournal open(String name, Path dataFolder, DataSource master, Map<String, String> sqlByKind, String node,
                                     Clock clock, ScheduledExecutorService scheduler) throws IOException {
        Journal journal = Journal.open(dataFolder.resolve("verbund-journal").resolve(name), Journal.Limits.DEFAULT, clock);
        BisectingSink sink = new JdbcStatements(name, journal.id(), master, sqlByKind, node, clock).sink();
        return new MasterJournal(name, journal, sink, clock, scheduler);
    }

    /**
     * Journals the write. A journal that cannot write (a full disk) loses it: the caller's call or
     * state change goes on regardless, so this logs the write at ERROR level instead of throwing.
     */
    public void append(JournaledStatement write) {
        try {
            journal.append(write.encode());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "journal=" + name + " event=append-failed kind=" + write.kind() + " parameters="
                    + JdbcStatements.json(write.parameters()) + " message=\"" + e.getMessage() + "\"", e);
        }
    }

    private void sync() {
        try {
            journal.sync();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "journal=" + name + " event=sync-failed folder=" + journal.folder() + " message=\"" + e.getMessage() + "\"", e);
        }
    }

    /** What is journaled and not yet committed to the master: the pipeline's lag. */
    public JournalBacklog backlog() {
        return journal.backlog();
    }

    /** The rows the master refused since this journal was opened, now in {@code event_dead_letter}. */
    public long deadLettered() {
        return sink.deadLettered();
    }

    /** Backlog, dead letters and whether the master is awaited, for a health document. */
    public JsonObject figures() {
        JournalBacklog backlog = journal.backlog();
        return Json.createObjectBuilder()
                .add("backlogEntries", backlog.entries())
                .add("backlogBytes", backlog.bytes())
                .add("oldestAgeMillis", backlog.oldestAge(clock.instant()).toMillis())
                .add("deadLetters", sink.deadLettered())
                .add("waitingForMaster", drain.waiting())
                .build();
    }

    /**
     * Stops the tasks, drains once more if the master takes it, and closes the files: the rest waits
     * for the next start. A file that does not close is logged, not thrown: the service is stopping
     * either way, and what did not reach the disk is what a power loss would take.
     */
    @Override
    public void close() {
        tasks.forEach(task -> task.cancel(false));
        drain.run();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warning("journal=" + name + " event=close-failed reason=" + e);
        }
    }
}
