package io.verbund.acd.portal.queue;

import java.time.Instant;
import java.util.Map;

/**
 * An item of {@code GET /queues}: the group's live queue and its day so far.
 *
 * @param today null while stats-service cannot give today's figures ({@link QueueList#todayAvailable()} is then false)
 */
public record QueueDocument(long groupId, String group, String strategy, int waiting, Instant longestWaitSince,
                            Map<String, Integer> agents, GroupFigures.Today today) {

    static QueueDocument of(QueueSummary now, GroupFigures.Today today) {
        return new QueueDocument(now.groupId(), now.group(), now.strategy(), now.waiting(), now.longestWaitSince(), now.agents(), today);
    }
}
