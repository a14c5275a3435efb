/**
 * What the statistics count and how: a call's stays in group queues ({@link QueueVisit}, built from
 * its events by {@link QueueVisits}), their sums per 15-minute slice ({@link SliceFigures}, which
 * add up to hours, days and months), and the KPIs read from those sums under a tenant's versioned
 * {@link KpiDefinition}. Plain Java, so the formulas are unit-tested on hand-made calls with known
 * answers and run the same in the slice worker and in a recomputation. The formulas are written out
 * in {@code docs/statistics.md}.
 */
package io.verbund.acd.statistics;
