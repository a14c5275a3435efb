package io.verbund.acd.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.time.MovableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDrainTest {

    @TempDir
    Path folder;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AtomicBoolean masterDown = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();

    private final JournalSink master = batch -> {
        attempts.incrementAndGet();
        if (masterDown.get()) {
            throw new JournalSink.SinkUnavailable("connection refused", null);
        }
        stored.addAndGet(batch.size());
    };

    @Test
    void whileTheSinkIsDownItTriesLessAndLessOftenAndCatchesUpWhenItIsBack() throws Exception {
        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            JournalDrain drain = new JournalDrain("call-records", journal, master, clock);
            masterDown.set(true);
            journal.append(new byte[] {1});

            drain.run();
            drain.run();
            assertThat(attempts).as("the second pass waits for the first retry").hasValue(1);
            clock.advance(JournalDrain.FIRST_RETRY);
            drain.run();
            assertThat(attempts).hasValue(2);
            clock.advance(JournalDrain.FIRST_RETRY);
            drain.run();
            assertThat(attempts).as("the wait doubled").hasValue(2);
            assertThat(drain.waiting()).isTrue();
            assertThat(journal.backlog().entries()).isEqualTo(1);

            masterDown.set(false);
            clock.advance(JournalDrain.LONGEST_RETRY);
            drain.run();

            assertThat(stored).hasValue(1);
            assertThat(journal.backlog().isEmpty()).isTrue();
            assertThat(drain.waiting()).isFalse();
        }
    }

    @Test
    void theWaitNeverExceedsTheLongestRetry() throws Exception {
        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            JournalDrain drain = new JournalDrain("agent-events", journal, master, clock);
            masterDown.set(true);
            journal.append(new byte[] {1});
            for (int i = 0; i < 20; i++) {
                drain.run();
                clock.advance(JournalDrain.LONGEST_RETRY);
            }

            assertThat(attempts).hasValue(20);
        }
    }
}
