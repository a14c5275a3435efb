package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

/** Who is served first in a queue: higher priority, then longer waiting, then call id for a stable order. */
public final class QueueOrder {

    public static final Comparator<QueueEntry> FIRST_SERVED_FIRST = Comparator
            .comparingInt(QueueEntry::priority).reversed()
            .thenComparing(QueueEntry::enteredAt)
            .thenComparing(QueueEntry::callId);

    private QueueOrder() {
    }

    /**
     * The order of callers of several groups competing for the agents they share: higher priority
     * first, then the longer time waited multiplied by the caller's group weight. Within one group
     * this is {@link #FIRST_SERVED_FIRST}; a group of weight 2 has its callers' wait count double
     * against the others', one of weight 0 gets an agent when no caller of the same priority waits
     * elsewhere. The order depends on the moment: a weighted wait grows faster.
     *
     * @param weightOf a group's weight by group id (0 to 10)
     */
    public static Comparator<QueueEntry> acrossGroups(Instant now, LongToDoubleFunction weightOf) {
        return Comparator.comparingInt(QueueEntry::priority).reversed()
                .thenComparing(Comparator.comparingDouble((QueueEntry caller) -> weightedWait(caller, now, weightOf)).reversed())
                .thenComparing(FIRST_SERVED_FIRST);
    }

    private static double weightedWait(QueueEntry caller, Instant now, LongToDoubleFunction weightOf) {
        long waitedMillis = Math.max(0, now.toEpochMilli() - caller.enteredAt().toEpochMilli());
        return waitedMillis * weightOf.applyAsDouble(caller.groupId());
    }

    public static Optional<QueueEntry> next(List<QueueEntry> waiting) {
        return waiting.stream().min(FIRST_SERVED_FIRST);
    }

    /**
     * 1-based position of a call in its group's queue, for position announcements. The call's own
     * entry in {@code waiting} never counts, even as a copy that went through the cache (whose
     * times are stored to the millisecond, and so look earlier than the caller's own).
     */
    public static int positionOf(QueueEntry call, List<QueueEntry> waiting) {
        return (int) waiting.stream()
                .filter(other -> other.groupId() == call.groupId())
                .filter(other -> !other.callId().equals(call.callId()))
                .filter(other -> FIRST_SERVED_FIRST.compare(other, call) < 0)
                .count() + 1;
    }
}
