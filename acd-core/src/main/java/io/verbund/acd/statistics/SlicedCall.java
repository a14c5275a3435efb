package io.verbund.acd.statistics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call as the slice worker reads it from storage: its events in order, the number dialled, the
 * disposition the agent gave, and each answering agent's wrap-up after it.
 *
 * @param wrapUps wrap-up time by agent (as {@link CallMoment#agent()} names it), summed over the
 *                call's wrap-ups of that agent
 */
public record SlicedCall(String callId, String serviceNumber, Optional<String> disposition, List<CallMoment> moments,
                         Map<String, Duration> wrapUps) {

    public SlicedCall {
        Objects.requireNonNull(callId, "callId");
        serviceNumber = serviceNumber == null ? "" : serviceNumber;
        moments = List.copyOf(moments);
        wrapUps = Map.copyOf(wrapUps);
    }

    /** The call's queue visits, each with its answering agent's wrap-up. */
    public List<QueueVisit> visits() {
        List<QueueVisit> visits = QueueVisits.of(callId, serviceNumber, moments);
        visits.replaceAll(visit -> visit.agent().map(agent -> visit.withWrapUp(wrapUps.getOrDefault(agent, Duration.ZERO)))
                .orElse(visit));
        return visits;
    }
}
