package io.verbund.acd.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Who is served first in a queue: higher priority, then longer waiting, then call id for a stable order. */
public final class QueueOrder {

    public static final Comparator<QueueEntry> FIRST_SERVED_FIRST = Comparator
            .comparingInt(QueueEntry::priority).reversed()
            .thenComparing(QueueEntry::enteredAt)
            .thenComparing(QueueEntry::callId);

    private QueueOrder() {
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
