package io.verbund.acd.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.statistics.QueueVisit.Ending;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stored call's visits carry the answering agent's wrap-up, and only that agent's. */
class SlicedCallTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void theAnsweringAgentsWrapUpJoinsTheAnsweredVisit() {
        SlicedCall call = new SlicedCall("c1", "+4930500100", Optional.of("SALE"), List.of(CallMoment.queued(T0, 3),
                CallMoment.queued(T0.plusSeconds(60), 4), CallMoment.answered(T0.plusSeconds(70), "9"),
                CallMoment.ended(T0.plusSeconds(170), "ANSWERED")), Map.of("9", Duration.ofSeconds(25), "8", Duration.ofSeconds(99)));

        List<QueueVisit> visits = call.visits();

        assertThat(visits).extracting(QueueVisit::groupId, QueueVisit::ending).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, Ending.LEFT), org.assertj.core.groups.Tuple.tuple(4L, Ending.ANSWERED));
        assertThat(visits.get(1).wrapUp()).isEqualTo(Duration.ofSeconds(25));
        assertThat(visits.get(1).talk()).isEqualTo(Duration.ofSeconds(100));
        assertThat(visits.get(0).wrapUp()).isZero();
    }

    @Test
    void aCallWithoutServiceNumberKeepsAnEmptyOne() {
        SlicedCall call = new SlicedCall("c2", null, Optional.empty(), List.of(), Map.of());

        assertThat(call.serviceNumber()).isEmpty();
        assertThat(call.visits()).isEmpty();
    }
}
