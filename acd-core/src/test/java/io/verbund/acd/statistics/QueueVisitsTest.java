package io.verbund.acd.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.statistics.QueueVisit.Ending;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueVisitsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T23:55:00Z");
    private static final long SUPPORT = 1;
    private static final long SALES = 2;

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static List<QueueVisit> visits(CallMoment... moments) {
        return QueueVisits.of("c1", "+4930500100", List.of(moments));
    }

    @Test
    void anAnsweredCallWaitedUntilTheAnswerAndTalkedUntilItsEnd() {
        List<QueueVisit> visits = visits(CallMoment.of("CallReceived", at(0)), CallMoment.queued(at(5), SUPPORT),
                CallMoment.of("CallOffered", at(6)), CallMoment.answered(at(17), "1001"), CallMoment.ended(at(137), "ANSWERED"));

        assertThat(visits).containsExactly(new QueueVisit("c1", SUPPORT, "+4930500100", at(5), Ending.ANSWERED, Optional.of(at(17)),
                Optional.of("1001"), Duration.ofSeconds(120), true, Duration.ZERO, 0));
        assertThat(visits.get(0).waited(at(999))).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aCallerRequeuedAfterANoAnswerStaysOneVisit() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.of("OfferNotTaken", at(15)),
                CallMoment.queued(at(15), SUPPORT), CallMoment.answered(at(30), "1002"), CallMoment.ended(at(90), "ANSWERED"));

        assertThat(visits).singleElement().satisfies(visit -> {
            assertThat(visit.queuedAt()).isEqualTo(at(0));
            assertThat(visit.agent()).contains("1002");
        });
    }

    @Test
    void anOverflowToASecondGroupIsAVisitToEach() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.of("LeftQueue", at(60)),
                CallMoment.queued(at(61), SALES), CallMoment.answered(at(70), "1006"), CallMoment.ended(at(100), "ANSWERED"));

        assertThat(visits).extracting(QueueVisit::groupId, QueueVisit::ending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SUPPORT, Ending.LEFT), org.assertj.core.groups.Tuple.tuple(SALES, Ending.ANSWERED));
    }

    @Test
    void aTransferredCallIsAnsweredOnceWithItsTransfersCountedAndTalksUntilItsEnd() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.answered(at(10), "1001"),
                CallMoment.of("Transferred", at(40)), CallMoment.of("Transferred", at(70)), CallMoment.ended(at(100), "TRANSFERRED"));

        assertThat(visits).singleElement().satisfies(visit -> {
            assertThat(visit.transfers()).isEqualTo(2);
            assertThat(visit.talk()).isEqualTo(Duration.ofSeconds(90));
        });
    }

    @Test
    void aQueueExitToVoicemailIsVoicemailNotAnAbandon() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.of("LeftQueue", at(120)),
                CallMoment.of("VoicemailStarted", at(121)), CallMoment.ended(at(150), "VOICEMAIL"));

        assertThat(visits).singleElement().satisfies(visit -> {
            assertThat(visit.ending()).isEqualTo(Ending.VOICEMAIL);
            assertThat(visit.waitEnded()).contains(at(120));
        });
    }

    @Test
    void aCallerWhoHangsUpInTheAnnouncementAfterTheQueueLeftIt() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.of("LeftQueue", at(120)),
                CallMoment.of("CallAbandoned", at(125)), CallMoment.ended(at(125), "HANGUP_IN_FLOW"));

        assertThat(visits).extracting(QueueVisit::ending).containsExactly(Ending.LEFT);
    }

    @Test
    void aCallbackChosenAtTheQueuesExitIsACallbackNotAnAbandonAndItsLaterAnswerMakesNoSecondVisit() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.of("LeftQueue", at(90)),
                CallMoment.of("CallbackRequested", at(95)), CallMoment.ended(at(400), "ANSWERED"));

        assertThat(visits).singleElement().satisfies(visit -> {
            assertThat(visit.ending()).isEqualTo(Ending.CALLBACK);
            assertThat(visit.waitEnded()).contains(at(90));
        });
    }

    @Test
    void aCallbackThatFailedIsStillACallback() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.of("LeftQueue", at(90)),
                CallMoment.of("CallbackRequested", at(95)), CallMoment.ended(at(900), "CALLBACK_FAILED"));

        assertThat(visits).extracting(QueueVisit::ending).containsExactly(Ending.CALLBACK);
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingAbandoned() {
        List<QueueVisit> visits = visits(CallMoment.queued(at(0), SUPPORT), CallMoment.of("CallAbandoned", at(3)),
                CallMoment.ended(at(3), "ABANDONED"));

        assertThat(visits).singleElement().satisfies(visit -> {
            assertThat(visit.ending()).isEqualTo(Ending.ABANDONED);
            assertThat(visit.waited(at(99))).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void aCallNotOverIsWaitingOrTalkingWithNoFinalTalkTime() {
        assertThat(visits(CallMoment.queued(at(0), SUPPORT))).singleElement()
                .satisfies(visit -> assertThat(visit.waited(at(42))).isEqualTo(Duration.ofSeconds(42)));
        assertThat(visits(CallMoment.queued(at(0), SUPPORT), CallMoment.answered(at(5), "1001"))).singleElement()
                .satisfies(visit -> assertThat(visit.callOver()).isFalse());
    }
}
