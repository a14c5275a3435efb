package io.verbund.acd.stats.recalculation;

/** {@code {"from":"2026-12-01","to":"2026-12-05","createdBy":"admin"}}; {@code createdBy} only from the web portal. */
public record RecalculationRequest(String from, String to, String createdBy) {
}
