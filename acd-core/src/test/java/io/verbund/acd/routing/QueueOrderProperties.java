package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** The weighted order across groups never breaks the order within a group, nor priority. */
class QueueOrderProperties {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Property(tries = 300)
    void withinOneGroupTheWeightedOrderIsTheQueueOrder(@ForAll("callers") List<QueueEntry> callers,
                                                        @ForAll @DoubleRange(min = 0, max = 10) double weightOne,
                                                        @ForAll @DoubleRange(min = 0, max = 10) double weightTwo) {
        Comparator<QueueEntry> weighted = QueueOrder.acrossGroups(NOW, group -> group == 1 ? weightOne : weightTwo);
        List<QueueEntry> sorted = new ArrayList<>(callers);
        sorted.sort(weighted);

        for (long group : new long[] {1, 2}) {
            List<QueueEntry> ofGroup = sorted.stream().filter(caller -> caller.groupId() == group).toList();
            assertThat(ofGroup).isSortedAccordingTo(QueueOrder.FIRST_SERVED_FIRST);
        }
    }

    @Property(tries = 300)
    void noCallerIsServedBeforeOneOfHigherPriorityWhateverTheWeights(@ForAll("callers") List<QueueEntry> callers,
                                                                      @ForAll @DoubleRange(min = 0, max = 10) double weightOne,
                                                                      @ForAll @DoubleRange(min = 0, max = 10) double weightTwo) {
        List<QueueEntry> sorted = new ArrayList<>(callers);
        sorted.sort(QueueOrder.acrossGroups(NOW, Map.of(1L, weightOne, 2L, weightTwo)::get));

        assertThat(sorted).extracting(QueueEntry::priority).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Property(tries = 300)
    void equalWeightsGiveThePlainQueueOrder(@ForAll("callers") List<QueueEntry> callers,
                                            @ForAll @DoubleRange(min = 0.01, max = 10) double weight) {
        List<QueueEntry> weighted = new ArrayList<>(callers);
        weighted.sort(QueueOrder.acrossGroups(NOW, group -> weight));
        List<QueueEntry> plain = new ArrayList<>(callers);
        plain.sort(QueueOrder.FIRST_SERVED_FIRST);

        assertThat(weighted).containsExactlyElementsOf(plain);
    }

    @Provide
    Arbitrary<List<QueueEntry>> callers() {
        Arbitrary<QueueEntry> caller = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(6),
                Arbitraries.longs().between(1, 2),
                Arbitraries.of(0, 10, 90),
                Arbitraries.longs().between(0, 600_000)).as((id, group, priority, waitedMillis) ->
                new QueueEntry(id, new TenantKey("demo"), group, priority, NOW.minusMillis(waitedMillis), "node-a"));
        return caller.list().ofMaxSize(12).uniqueElements(QueueEntry::callId);
    }
}
