package io.verbund.acd.portal.queue;

import java.util.List;

/**
 * The answer of {@code GET /queues}.
 *
 * @param todayAvailable false while stats-service cannot give today's figures: the live queues are
 *                       still there, every item's {@code today} is null
 * @param todayReadFrom  where stats-service read today's figures (role and {@code @@server_id}); null when unavailable
 */
public record QueueList(String tenant, List<QueueDocument> items, boolean todayAvailable, GroupFigures.ReadFrom todayReadFrom) {
}
