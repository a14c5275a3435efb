package io.verbund.acd.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BisectingSinkTest {

    /** A destination that stores whole batches, refuses any batch holding one of the {@code refused} rows. */
    private static final class FussyDatabase implements BisectingSink.Writes {

        final List<String> stored = new ArrayList<>();
        final Set<String> refused;
        boolean down;
        int transactions;

        FussyDatabase(Set<String> refused) {
            this.refused = refused;
        }

        @Override
        public void write(List<JournalEntry> batch) throws JournalSink.SinkUnavailable, BisectingSink.EntryRefused {
            transactions++;
            if (down) {
                throw new JournalSink.SinkUnavailable("connection refused", null);
            }
            List<String> rows = batch.stream().map(BisectingSinkTest::text).toList();
            for (String row : rows) {
                if (refused.contains(row)) {
                    throw new BisectingSink.EntryRefused("CONSTRAINT ck_call_event_detail failed for " + row, null);
                }
            }
            stored.addAll(rows);
        }
    }

    private final Map<String, String> deadLetters = new LinkedHashMap<>();

    @Test
    void theOneRowTheDatabaseRefusesGoesToTheDeadLettersAndTheRestIsStoredInOrder() throws Exception {
        FussyDatabase database = new FussyDatabase(Set.of("row-37"));
        BisectingSink sink = new BisectingSink(database, (entry, reason) -> deadLetters.put(text(entry), reason));

        sink.write(rows(100));

        assertThat(database.stored).containsExactlyElementsOf(IntStream.range(0, 100).filter(i -> i != 37).mapToObj(i -> "row-" + i).toList());
        assertThat(deadLetters).containsOnlyKeys("row-37");
        assertThat(deadLetters.get("row-37")).contains("ck_call_event_detail");
        assertThat(sink.deadLettered()).isEqualTo(1);
        assertThat(database.transactions).as("a few halvings, not a transaction per row").isLessThan(20);
    }

    @Test
    void severalRefusedRowsEachGoToTheDeadLetters() throws Exception {
        FussyDatabase database = new FussyDatabase(Set.of("row-0", "row-5", "row-9"));
        BisectingSink sink = new BisectingSink(database, (entry, reason) -> deadLetters.put(text(entry), reason));

        sink.write(rows(10));

        assertThat(deadLetters).containsOnlyKeys("row-0", "row-5", "row-9");
        assertThat(database.stored).hasSize(7);
    }

    @Test
    void aDatabaseThatIsDownKeepsTheBatchInTheJournal() {
        FussyDatabase database = new FussyDatabase(Set.of());
        database.down = true;
        BisectingSink sink = new BisectingSink(database, (entry, reason) -> deadLetters.put(text(entry), reason));

        assertThatThrownBy(() -> sink.write(rows(10))).isInstanceOf(JournalSink.SinkUnavailable.class);
        assertThat(deadLetters).isEmpty();
    }

    private static List<JournalEntry> rows(int count) {
        return IntStream.range(0, count).mapToObj(i -> new JournalEntry(1, i * 100L, Instant.EPOCH,
                ("row-" + i).getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static String text(JournalEntry entry) {
        return new String(entry.payload(), StandardCharsets.UTF_8);
    }
}
