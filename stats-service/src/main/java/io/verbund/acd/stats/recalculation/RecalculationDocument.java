package io.verbund.acd.stats.recalculation;

import java.time.Instant;

/**
 * A recalculation and how far it got: {@code slicesDone} of {@code slicesTotal} steps (each call
 * slice, then each agent), state RUNNING, DONE or FAILED (with {@code failure}).
 */
public record RecalculationDocument(long id, String from, String to, String state, int slicesTotal, int slicesDone, String failure,
                                    String createdBy, Instant createdAt, Instant finishedAt) {
}
