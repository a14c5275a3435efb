/**
 * The statistics service as the other services see it: the {@link io.verbund.acd.runtime.stats.StatsClient}
 * over stats-service's HTTP API (reports, KPI definitions, recalculations), whose answers are handed
 * on as they came ({@link io.verbund.acd.runtime.stats.StatsAnswer}).
 */
package io.verbund.acd.runtime.stats;
