package io.verbund.acd.statistics;

import io.verbund.acd.statistics.QueueVisit.Ending;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The counts and sums of a set of queue visits — one 15-minute slice of a group, agent or service
 * number, or any sum of slices: they are kept as counts and sums, never as ratios, so slices add up
 * to hours, days and months exactly, and every KPI is read from the sum under a {@link KpiDefinition}.
 *
 * @param offered                    visits to the queue
 * @param answered                   of them answered
 * @param answeredWithinTarget       answered within the group's service-level time
 * @param abandoned                  the caller hung up while waiting (short abandons included)
 * @param shortAbandoned             of them before the group's short-abandon time
 * @param abandonedWithinTarget      abandoned within the service-level time (short ones included)
 * @param shortAbandonedWithinTarget of the short abandons, those within the service-level time
 * @param voicemails                 left the queue for voicemail
 * @param callbacks                  left the queue with a callback
 * @param left                       left the queue otherwise (overflow, announcement, transfer)
 * @param handled                    answered calls that are over (their talk is final)
 * @param transfers                  transfers of answered calls (each call counted once in {@code answered})
 * @param answeredWait               the waits of the answered visits, summed
 * @param longestWait                the longest wait of any visit
 * @param talk                       the talk time of the handled calls, summed
 * @param wrapUp                     the agents' wrap-up after the handled calls, summed
 */
public record SliceFigures(int offered, int answered, int answeredWithinTarget, int abandoned, int shortAbandoned,
                           int abandonedWithinTarget, int shortAbandonedWithinTarget, int voicemails, int callbacks, int left,
                           int handled, int transfers, Duration answeredWait, Duration longestWait, Duration talk, Duration wrapUp) {

    public static final SliceFigures NONE = new SliceFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    /** One visit's share: it counts where it entered the queue. A visit still waiting counts its wait until {@code now}. */
    public static SliceFigures of(QueueVisit visit, GroupTargets targets, Instant now) {
        Duration waited = visit.waited(now);
        boolean withinTarget = waited.compareTo(targets.serviceLevel()) <= 0;
        boolean answered = visit.is(Ending.ANSWERED);
        boolean abandoned = visit.is(Ending.ABANDONED);
        boolean shortAbandon = abandoned && waited.compareTo(targets.shortAbandon()) < 0;
        boolean handled = answered && visit.callOver();
        return new SliceFigures(1, answered ? 1 : 0, answered && withinTarget ? 1 : 0, abandoned ? 1 : 0, shortAbandon ? 1 : 0,
                abandoned && withinTarget ? 1 : 0, shortAbandon && withinTarget ? 1 : 0, visit.is(Ending.VOICEMAIL) ? 1 : 0,
                visit.is(Ending.CALLBACK) ? 1 : 0, visit.is(Ending.LEFT) ? 1 : 0, handled ? 1 : 0, answered ? visit.transfers() : 0,
                answered ? waited : Duration.ZERO, waited, handled ? visit.talk() : Duration.ZERO,
                handled ? visit.wrapUp() : Duration.ZERO);
    }

    /** Both together: counts and sums added, the longest wait the longer. */
    public SliceFigures plus(SliceFigures other) {
        return new SliceFigures(offered + other.offered, answered + other.answered, answeredWithinTarget + other.answeredWithinTarget,
                abandoned + other.abandoned, shortAbandoned + other.shortAbandoned, abandonedWithinTarget + other.abandonedWithinTarget,
                shortAbandonedWithinTarget + other.shortAbandonedWithinTarget, voicemails + other.voicemails,
                callbacks + other.callbacks, left + other.left, handled + other.handled, transfers + other.transfers,
                answeredWait.plus(other.answeredWait), longestWait.compareTo(other.longestWait) >= 0 ? longestWait : other.longestWait,
                talk.plus(other.talk), wrapUp.plus(other.wrapUp));
    }

    /** The abandons that count under the definition: short ones left out when it says so. */
    public int countedAbandons(KpiDefinition definition) {
        return abandoned - (definition.shortAbandonsExcluded() ? shortAbandoned : 0);
    }

    /** Service level in percent under the definition's variant; empty while no call counts for it. */
    public Optional<Double> serviceLevelPercent(KpiDefinition definition) {
        int abandons = countedAbandons(definition);
        int abandonsWithin = abandonedWithinTarget - (definition.shortAbandonsExcluded() ? shortAbandonedWithinTarget : 0);
        int good;
        int all;
        switch (definition.serviceLevel()) {
            case ABANDONS_EXCLUDED:
                good = answeredWithinTarget;
                all = answered;
                break;
            case ABANDONS_AGAINST:
                good = answeredWithinTarget;
                all = answered + abandons;
                break;
            default:
                good = answeredWithinTarget + abandonsWithin;
                all = answered + abandons;
                break;
        }
        return percent(good, all);
    }

    /** Abandoned calls in percent of those offered (short abandons out of both, when the definition says so). */
    public Optional<Double> abandonRatePercent(KpiDefinition definition) {
        int excluded = definition.shortAbandonsExcluded() ? shortAbandoned : 0;
        return percent(abandoned - excluded, offered - excluded);
    }

    /** Average speed of answer: the mean wait of the answered calls. */
    public Optional<Duration> averageSpeedOfAnswer() {
        return answered == 0 ? Optional.empty() : Optional.of(answeredWait.dividedBy(answered));
    }

    /** Average handle time of the calls handled: talk (holds included: the call stays connected), with wrap-up by the definition. */
    public Optional<Duration> averageHandleTime(KpiDefinition definition) {
        if (handled == 0) {
            return Optional.empty();
        }
        return Optional.of((definition.wrapUpInHandleTime() ? talk.plus(wrapUp) : talk).dividedBy(handled));
    }

    private static Optional<Double> percent(int part, int whole) {
        return whole <= 0 ? Optional.empty() : Optional.of(100.0 * part / whole);
    }
}
