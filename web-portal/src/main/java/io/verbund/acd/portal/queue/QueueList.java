package io.verbund.acd.portal.queue;

import java.util.List;

/** The answer of {@code GET /queues}. */
public record QueueList(String tenant, List<QueueDocument> items) {
}
