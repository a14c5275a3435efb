package io.verbund.acd.stats.kpi;

/**
 * A new KPI definition version: {@code {"serviceLevel":"ABANDONS_AGAINST","shortAbandonsExcluded":true,
 * "wrapUpInHandleTime":true}}; {@code createdBy} names the user when the web portal sends it.
 */
public record KpiDefinitionRequest(String serviceLevel, Boolean shortAbandonsExcluded, Boolean wrapUpInHandleTime, String createdBy) {
}
