/**
 * Real time: today's figures per ACD group (with the service level of the last 15 and 60 minutes)
 * and an agent's day, summed from the slice worker's visits and slices on the real-time replica
 * ({@code AcdRealtimeDS}), never the master, under the tenant's current KPI definition.
 */
package io.verbund.acd.stats.realtime;
