package io.verbund.acd.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.time.MovableClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final Journal.Limits SMALL_SEGMENTS = new Journal.Limits(1000, 50, 1 << 20, 4096);

    @TempDir
    Path folder;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void drainsEntriesInTheOrderTheyWereAppended() throws Exception {
        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            appendNumbered(journal, 0, 100);

            assertThat(drainAll(journal)).containsExactlyElementsOf(numbered(0, 100));
            assertThat(journal.backlog()).isEqualTo(JournalBacklog.EMPTY);
        }
    }

    @Test
    void aBatchHoldsAtMostTheLimitsEntries() throws Exception {
        try (Journal journal = Journal.open(folder, SMALL_SEGMENTS, clock)) {
            appendNumbered(journal, 0, 120);
            List<Integer> sizes = new ArrayList<>();

            while (journal.drain(batch -> sizes.add(batch.size())) > 0) {
                assertThat(sizes.get(sizes.size() - 1)).isLessThanOrEqualTo(50);
            }

            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
        }
    }

    @Test
    void aSinkThatFailsLeavesTheEntriesForTheNextDrain() throws Exception {
        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            appendNumbered(journal, 0, 10);

            assertThatThrownBy(() -> journal.drain(batch -> {
                throw new JournalSink.SinkUnavailable("master down", null);
            })).isInstanceOf(JournalSink.SinkUnavailable.class);

            assertThat(journal.backlog().entries()).isEqualTo(10);
            assertThat(drainAll(journal)).containsExactlyElementsOf(numbered(0, 10));
        }
    }

    @Test
    void reopenedItContinuesAfterTheLastCommittedBatch() throws Exception {
        try (Journal journal = Journal.open(folder, SMALL_SEGMENTS, clock)) {
            appendNumbered(journal, 0, 80);
            journal.drain(batch -> { });
        }
        try (Journal journal = Journal.open(folder, SMALL_SEGMENTS, clock)) {
            assertThat(journal.backlog().entries()).isEqualTo(30);
            appendNumbered(journal, 80, 90);

            assertThat(drainAll(journal)).containsExactlyElementsOf(numbered(50, 90));
        }
    }

    @Test
    void anEntryTornByACrashIsCutOffAndTheOnesBeforeItSurvive() throws Exception {
        Journal crashed = Journal.open(folder, Journal.Limits.DEFAULT, clock);
        appendNumbered(crashed, 0, 5);
        // No close: the process died. Its last write reached the file only in part.
        Path segment = crashed.segmentFile(crashed.segments().get(0));
        byte[] whole = Files.readAllBytes(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(whole.length - 3);
        }

        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            assertThat(journal.backlog().entries()).isEqualTo(4);
            appendNumbered(journal, 5, 7);

            assertThat(drainAll(journal)).containsExactly("0", "1", "2", "3", "5", "6");
        }
    }

    @Test
    void anEntryWhoseBytesDoNotMatchItsChecksumEndsTheSegment() throws Exception {
        Journal crashed = Journal.open(folder, Journal.Limits.DEFAULT, clock);
        appendNumbered(crashed, 0, 3);
        Path segment = crashed.segmentFile(crashed.segments().get(0));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(segment, bytes);

        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            assertThat(drainAll(journal)).containsExactly("0", "1");
            assertThat(Files.exists(segment)).isFalse();
        }
    }

    @Test
    void aTailOfZerosAfterAPowerLossIsCutOff() throws Exception {
        Journal crashed = Journal.open(folder, Journal.Limits.DEFAULT, clock);
        appendNumbered(crashed, 0, 2);
        Path segment = crashed.segmentFile(crashed.segments().get(0));
        Files.write(segment, new byte[4096], StandardOpenOption.APPEND);

        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            assertThat(drainAll(journal)).containsExactly("0", "1");
        }
    }

    @Test
    void segmentsRollOverAndAreDeletedOnceDrained() throws Exception {
        try (Journal journal = Journal.open(folder, SMALL_SEGMENTS, clock)) {
            appendNumbered(journal, 0, 200);
            assertThat(journal.segments()).hasSizeGreaterThanOrEqualTo(4);
            for (Long segment : journal.segments()) {
                assertThat(Files.size(journal.segmentFile(segment))).isLessThanOrEqualTo(1000);
            }

            assertThat(drainAll(journal)).containsExactlyElementsOf(numbered(0, 200));
            assertThat(journal.segments()).hasSize(1);
        }
    }

    @Test
    void aDrainReadsOneBatchWhateverTheBacklog() throws Exception {
        Journal.Limits limits = new Journal.Limits(8 << 20, 1000, 64 << 10, 4096);
        byte[] payload = new byte[1000];
        try (Journal journal = Journal.open(folder, limits, clock)) {
            for (int i = 0; i < 50_000; i++) {
                journal.append(payload);
            }
            assertThat(journal.backlog().bytes()).isGreaterThan(50_000_000L);
            List<Long> batchBytes = new ArrayList<>();

            journal.drain(batch -> batchBytes.add(batch.stream().mapToLong(entry -> entry.payload().length).sum()));

            assertThat(batchBytes.get(0)).as("payload handed over at once").isLessThanOrEqualTo((64 << 10) + 1000);
            assertThat(journal.backlog().entries()).isEqualTo(50_000 - batchBytes.get(0) / 1000);
        }
    }

    @Test
    void theBacklogSaysHowOldItsOldestEntryIs() throws Exception {
        try (Journal journal = Journal.open(folder, new Journal.Limits(1000, 1, 1 << 20, 4096), clock)) {
            journal.append(bytes("first"));
            clock.advanceSeconds(10);
            journal.append(bytes("second"));
            clock.advanceSeconds(5);

            assertThat(journal.backlog().oldestAge(clock.instant())).isEqualTo(Duration.ofSeconds(15));
            journal.drain(batch -> { });
            assertThat(journal.backlog().oldestAge(clock.instant())).isEqualTo(Duration.ofSeconds(5));
            assertThat(journal.backlog().entries()).isEqualTo(1);
        }
    }

    @Test
    void anEntryKnowsWhereItLiesAndWhenItWasAppended() throws Exception {
        try (Journal journal = Journal.open(folder, Journal.Limits.DEFAULT, clock)) {
            journal.append(bytes("a"));
            journal.append(bytes("b"));
            List<JournalEntry> seen = new ArrayList<>();

            journal.drain(seen::addAll);

            assertThat(seen).extracting(JournalEntry::appendedAt).containsOnly(clock.instant());
            assertThat(seen.get(1).offset()).isEqualTo(Journal.HEADER + 1);
            assertThat(seen.get(0).position()).isNotEqualTo(seen.get(1).position());
        }
    }

    @Test
    void keepsItsIdAcrossOpeningsAndAnEmptiedFolderGetsANewOne() throws Exception {
        String first;
        try (Journal journal = Journal.open(folder, SMALL_SEGMENTS, clock)) {
            first = journal.id();
        }
        try (Journal journal = Journal.open(folder, SMALL_SEGMENTS, clock)) {
            assertThat(journal.id()).isEqualTo(first).isNotBlank();
        }
        try (Journal journal = Journal.open(folder.resolve("elsewhere"), SMALL_SEGMENTS, clock)) {
            assertThat(journal.id()).isNotEqualTo(first);
        }
    }

    @Test
    void refusesAnEntryLargerThanItsLimit() throws Exception {
        try (Journal journal = Journal.open(folder, SMALL_SEGMENTS, clock)) {
            assertThatThrownBy(() -> journal.append(new byte[5000])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void appendNumbered(Journal journal, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            journal.append(bytes(Integer.toString(i)));
        }
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString).toList();
    }

    private static List<String> drainAll(Journal journal) throws Exception {
        List<String> drained = new ArrayList<>();
        int batch;
        do {
            batch = journal.drain(entries -> entries.forEach(entry -> drained.add(new String(entry.payload(), StandardCharsets.UTF_8))));
        } while (batch > 0);
        return drained;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
