package io.verbund.acd.portal.queue;

import java.time.Instant;
import java.util.Map;

/**
 * One ACD group's queue right now: the body of a {@code queue} event and of an item of
 * {@code GET /queues} (which adds {@code today}).
 *
 * @param longestWaitSince when the caller waiting longest entered the queue; null when nobody waits
 * @param agents           the group's members by state name, every state present
 */
public record QueueSummary(long groupId, String group, String strategy, int waiting, Instant longestWaitSince,
                           Map<String, Integer> agents) {
}
