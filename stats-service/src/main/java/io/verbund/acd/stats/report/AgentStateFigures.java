package io.verbund.acd.stats.report;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.statistics.AgentStateTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One row's agent state time as reports show it, in seconds: ready; reserved and ringing together
 * (the moments a call is offered); on call; wrap-up; paused, and paused by reason; with occupancy and
 * utilisation (docs/statistics.md).
 */
public record AgentStateFigures(double loggedInSeconds, double readySeconds, double ringingSeconds, double onCallSeconds,
                                double wrapUpSeconds, double pausedSeconds, Map<String, Double> pausedByReason, Double occupancyPercent,
                                Double utilisationPercent) {

    public static AgentStateFigures of(AgentStateTime time) {
        Map<String, Double> reasons = new TreeMap<>();
        time.paused().forEach((reason, paused) -> reasons.put(reason, seconds(paused)));
        return new AgentStateFigures(seconds(time.loggedIn()), seconds(time.in(AgentState.READY)),
                seconds(time.in(AgentState.RESERVED).plus(time.in(AgentState.RINGING))), seconds(time.in(AgentState.ON_CALL)),
                seconds(time.in(AgentState.WRAP_UP)), seconds(time.in(AgentState.PAUSED)), reasons, rounded(time.occupancyPercent()),
                rounded(time.utilisationPercent()));
    }

    private static Double rounded(Optional<Double> percent) {
        return percent.map(value -> Math.round(value * 10) / 10.0).orElse(null);
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
