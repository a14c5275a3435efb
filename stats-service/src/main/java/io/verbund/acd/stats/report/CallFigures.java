package io.verbund.acd.stats.report;

import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.statistics.SliceFigures;
import java.time.Duration;
import java.util.Optional;

/**
 * One row's call figures as reports show them: the counts, and the KPIs read from the sums under
 * the report's KPI definition. A KPI without calls to count is absent (JSON) or "–" (files). The
 * agents' outbound calls come after, counted apart: they are in none of the queue figures.
 */
public record CallFigures(int offered, int answered, int answeredWithinTarget, int abandoned, int shortAbandoned, int voicemails,
                          int callbacks, int left, int handled, int transfers, Double serviceLevelPercent, Double abandonRatePercent,
                          Double asaSeconds, Double ahtSeconds, double longestWaitSeconds, double talkSeconds, double wrapUpSeconds,
                          int outbound, int outboundAnswered, double outboundTalkSeconds) {

    static CallFigures of(SliceFigures sums, OutboundFigures outbound, KpiDefinition definition) {
        return new CallFigures(sums.offered(), sums.answered(), sums.answeredWithinTarget(), sums.abandoned(), sums.shortAbandoned(),
                sums.voicemails(), sums.callbacks(), sums.left(), sums.handled(), sums.transfers(),
                rounded(sums.serviceLevelPercent(definition)), rounded(sums.abandonRatePercent(definition)),
                seconds(sums.averageSpeedOfAnswer()), seconds(sums.averageHandleTime(definition)), seconds(sums.longestWait()),
                seconds(sums.talk()), seconds(sums.wrapUp()), outbound.placed(), outbound.answered(), seconds(outbound.talk()));
    }

    private static Double rounded(Optional<Double> percent) {
        return percent.map(value -> Math.round(value * 10) / 10.0).orElse(null);
    }

    private static Double seconds(Optional<Duration> duration) {
        return duration.map(CallFigures::seconds).orElse(null);
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
