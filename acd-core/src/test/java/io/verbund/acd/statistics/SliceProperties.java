package io.verbund.acd.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.statistics.QueueVisit.Ending;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Slices kept up to date visit by visit, in any order, are the slices computed again from all visits at once. */
class SliceProperties {

    private static final Instant DAY = Instant.parse("2026-12-05T00:00:00Z");
    private static final Instant NOW = DAY.plus(Duration.ofDays(2));
    private static final GroupTargets TARGETS = GroupTargets.ofSeconds(20, 5);

    @Property(tries = 200)
    void incrementalSlicesMatchARecomputation(@ForAll("visits") List<QueueVisit> visits, @ForAll long seed) {
        Map<Instant, SliceFigures> recomputed = slices(visits);
        List<QueueVisit> arriving = new ArrayList<>(visits);
        Collections.shuffle(arriving, new Random(seed));
        Map<Instant, SliceFigures> incremental = new TreeMap<>();
        for (QueueVisit visit : arriving) {
            incremental.merge(Slices.startOf(visit.queuedAt()), SliceFigures.of(visit, TARGETS, NOW), SliceFigures::plus);
        }

        assertThat(incremental).isEqualTo(recomputed);
    }

    @Property(tries = 200)
    void theSlicesOfADayAddUpToTheDay(@ForAll("visits") List<QueueVisit> visits) {
        SliceFigures day = visits.stream().map(visit -> SliceFigures.of(visit, TARGETS, NOW)).reduce(SliceFigures.NONE, SliceFigures::plus);

        assertThat(slices(visits).values().stream().reduce(SliceFigures.NONE, SliceFigures::plus)).isEqualTo(day);
    }

    private static Map<Instant, SliceFigures> slices(List<QueueVisit> visits) {
        Map<Instant, SliceFigures> slices = new TreeMap<>();
        visits.stream().sorted((a, b) -> a.queuedAt().compareTo(b.queuedAt()))
                .forEach(visit -> slices.merge(Slices.startOf(visit.queuedAt()), SliceFigures.of(visit, TARGETS, NOW), SliceFigures::plus));
        return slices;
    }

    @Provide
    Arbitrary<List<QueueVisit>> visits() {
        Arbitrary<QueueVisit> visit = Combinators.combine(Arbitraries.longs().between(0, 86_399),
                Arbitraries.of(Ending.ANSWERED, Ending.ABANDONED, Ending.VOICEMAIL, Ending.LEFT, Ending.WAITING),
                Arbitraries.longs().between(0, 600), Arbitraries.longs().between(0, 1800), Arbitraries.integers().between(0, 2))
                .as((queued, ending, waited, talk, transfers) -> {
                    Instant queuedAt = DAY.plusSeconds(queued);
                    boolean answered = ending == Ending.ANSWERED;
                    return new QueueVisit("c" + queued, 1, "+4930500100", queuedAt, ending,
                            ending == Ending.WAITING ? Optional.empty() : Optional.of(queuedAt.plusSeconds(waited)),
                            answered ? Optional.of("1001") : Optional.empty(), answered ? Duration.ofSeconds(talk) : Duration.ZERO,
                            ending != Ending.WAITING, Duration.ofSeconds(answered ? 10 : 0), answered ? transfers : 0);
                });
        return visit.list().ofMaxSize(60);
    }
}
