package io.verbund.acd.portal.group;

import io.verbund.acd.routing.GroupFairness;
import java.time.Instant;

/** A group's fairness over a period, as {@code GET /groups/{id}/fairness} answers it. */
public record GroupFairnessDocument(long groupId, String group, Instant from, Instant to, GroupFairness fairness) {
}
