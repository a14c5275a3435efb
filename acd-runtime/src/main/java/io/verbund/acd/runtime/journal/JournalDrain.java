package io.verbund.acd.runtime.journal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a journal's entries to its sink, a pass at a time (scheduled every ~100 ms). While the sink
 * is unavailable, it waits longer before each attempt (250 ms doubling to 5 s), so an outage costs
 * the database nothing but a probe now and then; the entries wait in the journal's files.
 *
 * <p>Logs one warning when the sink becomes unavailable, another every 30 s while the backlog
 * grows, and one line when the backlog drained after the outage, each with the journal's name
 * and figures as {@code key=value} pairs for the log search.
 */
public final class JournalDrain {

    private static final Logger LOG = Logger.getLogger(JournalDrain.class.getName());
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    /** Enough to catch up quickly, few enough that one pass does not hold a scheduler thread for long. */
    private static final int BATCHES_PER_PASS = 20;

    private final String name;
    private final Journal journal;
    private final JournalSink sink;
    private final Clock clock;

    private Instant nextAttempt = Instant.MIN;
    private Duration retry = Duration.ZERO;
    private Instant outageSince;
    private Instant reportedAt;
    private long reportedEntries;

    public JournalDrain(String name, Journal journal, JournalSink sink, Clock clock) {
        this.name = name;
        this.journal = journal;
        this.sink = sink;
        this.clock = clock;
    }

    /** One pass: drains until the journal is empty, the pass's share is done, or the sink fails. */
    public synchronized void run() {
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return;
        }
        try {
            int batches = 0;
            while (batches < BATCHES_PER_PASS && journal.drain(sink) > 0) {
                batches++;
            }
            retry = Duration.ZERO;
            nextAttempt = Instant.MIN;
            if (outageSince != null && journal.backlog().isEmpty()) {
                LOG.info("journal=" + name + " event=drained outageSeconds=" + Duration.between(outageSince, clock.instant()).toSeconds()
                        + " message=\"the backlog of the outage is stored\"");
                outageSince = null;
            }
        } catch (JournalSink.SinkUnavailable e) {
            unavailable(now, e);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "journal=" + name + " event=read-failed folder=" + journal.folder() + " message=\"" + e + "\"", e);
            unavailable(now, e);
        }
    }

    private void unavailable(Instant now, Exception cause) {
        retry = retry.isZero() ? FIRST_RETRY : min(retry.multipliedBy(2), LONGEST_RETRY);
        nextAttempt = now.plus(retry);
        JournalBacklog backlog = journal.backlog();
        boolean first = outageSince == null;
        if (first || (now.isAfter(reportedAt.plus(REPORT_EVERY)) && backlog.entries() > reportedEntries)) {
            if (first) {
                outageSince = now;
            }
            LOG.warning("journal=" + name + " event=" + (first ? "sink-unavailable" : "backlog-growing")
                    + " backlogEntries=" + backlog.entries() + " backlogBytes=" + backlog.bytes()
                    + " oldestAgeSeconds=" + backlog.oldestAge(now).toSeconds()
                    + " outageSeconds=" + Duration.between(outageSince, now).toSeconds()
                    + " retryMillis=" + retry.toMillis() + " message=\"entries stay in the journal: " + cause.getMessage() + "\"");
            reportedAt = now;
            reportedEntries = backlog.entries();
        }
    }

    /** Whether the sink failed last time and the backlog waits for it. */
    public synchronized boolean waiting() {
        return outageSince != null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
