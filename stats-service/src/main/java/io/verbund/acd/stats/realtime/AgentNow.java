package io.verbund.acd.stats.realtime;

import io.verbund.acd.statistics.AgentStateTime;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.statistics.SliceFigures;
import java.time.Duration;
import java.util.Optional;

/**
 * An agent's day so far: the queue visits it answered today (by when they were queued, as slices
 * count them) and its time in each state since midnight.
 *
 * @param calls       the answered visits' counts and sums ({@code answered}, {@code handled}, talk, wrap-up)
 * @param longestTalk the longest talk of a handled call
 */
public record AgentNow(long agentId, String extension, String name, SliceFigures calls, Duration longestTalk, AgentStateTime states) {

    /** The mean talk of the handled calls, without wrap-up; empty before the first call ends. */
    public Optional<Duration> averageTalk() {
        return calls.handled() == 0 ? Optional.empty() : Optional.of(calls.talk().dividedBy(calls.handled()));
    }

    /** Average handle time under the definition (talk, with wrap-up when it says so). */
    public Optional<Duration> averageHandleTime(KpiDefinition definition) {
        return calls.averageHandleTime(definition);
    }
}
