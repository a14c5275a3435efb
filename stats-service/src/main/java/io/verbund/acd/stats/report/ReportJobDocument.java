package io.verbund.acd.stats.report;

import java.time.Instant;

/**
 * A report job and how far it got: state RUNNING, DONE (then {@code fileName} in storage-service,
 * category {@code reports}) or FAILED ({@code failure}).
 */
public record ReportJobDocument(long id, String report, String format, String parameters, String state, int progressPercent,
                                Integer rows, String fileName, Long fileSize, String failure, String createdBy, Instant createdAt,
                                Instant finishedAt) {
}
