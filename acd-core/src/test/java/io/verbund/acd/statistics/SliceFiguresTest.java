package io.verbund.acd.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.statistics.QueueVisit.Ending;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every KPI on a hand-made set of ten visits to one group with a 20 s service level and a 5 s short
 * abandon: six answered (4 within 20 s), three abandoned (one short, within target; one at 15 s,
 * within target; one at 60 s), one to voicemail.
 */
class SliceFiguresTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final GroupTargets TARGETS = GroupTargets.ofSeconds(20, 5);

    private static QueueVisit answered(int waited, int talk, int wrapUp, int transfers) {
        return new QueueVisit("a" + waited, 1, "+4930500100", T0, Ending.ANSWERED, Optional.of(T0.plusSeconds(waited)),
                Optional.of("1001"), Duration.ofSeconds(talk), true, Duration.ofSeconds(wrapUp), transfers);
    }

    private static QueueVisit ended(Ending ending, int waited) {
        return new QueueVisit("x" + waited, 1, "+4930500100", T0, ending, Optional.of(T0.plusSeconds(waited)), Optional.empty(),
                Duration.ZERO, true, Duration.ZERO, 0);
    }

    private static final List<QueueVisit> VISITS = List.of(
            answered(5, 100, 10, 0), answered(10, 200, 20, 1), answered(20, 300, 30, 0), answered(15, 100, 0, 0),
            answered(30, 200, 10, 0), answered(40, 300, 30, 0),
            ended(Ending.ABANDONED, 2), ended(Ending.ABANDONED, 15), ended(Ending.ABANDONED, 60), ended(Ending.VOICEMAIL, 90));

    private static SliceFigures all() {
        return VISITS.stream().map(visit -> SliceFigures.of(visit, TARGETS, T0.plusSeconds(3600))).reduce(SliceFigures.NONE, SliceFigures::plus);
    }

    private static KpiDefinition definition(ServiceLevelVariant variant, boolean shortExcluded) {
        return new KpiDefinition(2, variant, shortExcluded, true);
    }

    @Test
    void countsAndSums() {
        SliceFigures figures = all();

        assertThat(figures.offered()).isEqualTo(10);
        assertThat(figures.answered()).isEqualTo(6);
        assertThat(figures.answeredWithinTarget()).isEqualTo(4);
        assertThat(figures.abandoned()).isEqualTo(3);
        assertThat(figures.shortAbandoned()).isEqualTo(1);
        assertThat(figures.abandonedWithinTarget()).isEqualTo(2);
        assertThat(figures.voicemails()).isEqualTo(1);
        assertThat(figures.transfers()).isEqualTo(1);
        assertThat(figures.longestWait()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theServiceLevelInEachVariant() {
        SliceFigures figures = all();

        // 4 of 6 answered
        assertThat(figures.serviceLevelPercent(definition(ServiceLevelVariant.ABANDONS_EXCLUDED, true))).contains(100.0 * 4 / 6);
        // 4 of 6 answered + 2 real abandons
        assertThat(figures.serviceLevelPercent(definition(ServiceLevelVariant.ABANDONS_AGAINST, true))).contains(50.0);
        // 4 of 6 answered + 3 abandons
        assertThat(figures.serviceLevelPercent(definition(ServiceLevelVariant.ABANDONS_AGAINST, false))).contains(100.0 * 4 / 9);
        // (4 + 1 real abandon within 20 s) of 8
        assertThat(figures.serviceLevelPercent(definition(ServiceLevelVariant.ABANDONS_WITHIN_TARGET_FOR, true))).contains(100.0 * 5 / 8);
        // (4 + 2) of 9
        assertThat(figures.serviceLevelPercent(definition(ServiceLevelVariant.ABANDONS_WITHIN_TARGET_FOR, false))).contains(100.0 * 6 / 9);
    }

    @Test
    void abandonRateSpeedOfAnswerAndHandleTime() {
        SliceFigures figures = all();

        assertThat(figures.abandonRatePercent(KpiDefinition.STANDARD)).as("2 of 9").contains(100.0 * 2 / 9);
        assertThat(figures.abandonRatePercent(definition(ServiceLevelVariant.ABANDONS_AGAINST, false))).as("3 of 10").contains(30.0);
        assertThat(figures.averageSpeedOfAnswer()).as("120 s / 6").contains(Duration.ofSeconds(20));
        assertThat(figures.averageHandleTime(KpiDefinition.STANDARD)).as("(1200 + 100) / 6").contains(Duration.ofSeconds(1300).dividedBy(6));
        assertThat(figures.averageHandleTime(new KpiDefinition(3, ServiceLevelVariant.ABANDONS_AGAINST, true, false)))
                .as("1200 / 6").contains(Duration.ofSeconds(200));
    }

    @Test
    void nothingToMeasureIsEmptyNotZero() {
        assertThat(SliceFigures.NONE.serviceLevelPercent(KpiDefinition.STANDARD)).isEmpty();
        assertThat(SliceFigures.NONE.averageSpeedOfAnswer()).isEmpty();
        assertThat(SliceFigures.NONE.averageHandleTime(KpiDefinition.STANDARD)).isEmpty();
        assertThat(SliceFigures.NONE.abandonRatePercent(KpiDefinition.STANDARD)).isEmpty();
    }

    @Test
    void aCallStillTalkingCountsAsAnsweredButNotYetInTheHandleTime() {
        QueueVisit talking = new QueueVisit("t", 1, "+4930500100", T0, Ending.ANSWERED, Optional.of(T0.plusSeconds(4)),
                Optional.of("1001"), Duration.ZERO, false, Duration.ZERO, 0);

        SliceFigures figures = SliceFigures.of(talking, TARGETS, T0.plusSeconds(600));

        assertThat(figures.answered()).isEqualTo(1);
        assertThat(figures.handled()).isZero();
        assertThat(figures.averageHandleTime(KpiDefinition.STANDARD)).isEmpty();
    }

    @Test
    void aCallerStillWaitingCountsItsWaitSoFarAsTheLongest() {
        QueueVisit waiting = new QueueVisit("w", 1, "+4930500100", T0, Ending.WAITING, Optional.empty(), Optional.empty(),
                Duration.ZERO, false, Duration.ZERO, 0);

        assertThat(SliceFigures.of(waiting, TARGETS, T0.plusSeconds(75)).longestWait()).isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void aSliceStartsOnAUtcQuarterHourAndACallCountsWhereItEnteredTheQueue() {
        assertThat(Slices.startOf(Instant.parse("2026-12-05T23:59:59.900Z"))).isEqualTo(Instant.parse("2026-12-05T23:45:00Z"));
        assertThat(Slices.startOf(Instant.parse("2026-12-06T00:00:00Z"))).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        // Queued before midnight, answered after: the day and slice of its queueing hold it, whole.
        List<QueueVisit> visits = QueueVisits.of("late", "+4930500100", List.of(CallMoment.queued(Instant.parse("2026-12-05T23:59:50Z"), 1),
                CallMoment.answered(Instant.parse("2026-12-06T00:00:20Z"), "1001"), CallMoment.ended(Instant.parse("2026-12-06T00:05:00Z"), "ANSWERED")));
        assertThat(Slices.startOf(visits.get(0).queuedAt())).isEqualTo(Instant.parse("2026-12-05T23:45:00Z"));
        assertThat(SliceFigures.of(visits.get(0), TARGETS, Instant.parse("2026-12-06T01:00:00Z")).answeredWait())
                .isEqualTo(Duration.ofSeconds(30));
    }
}
