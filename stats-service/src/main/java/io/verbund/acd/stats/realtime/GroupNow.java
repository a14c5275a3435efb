package io.verbund.acd.stats.realtime;

import io.verbund.acd.statistics.SliceFigures;

/**
 * One ACD group's real time: its target and what its queue counted today and in the last 15 and 60
 * minutes. Counts and sums only; the KPIs are read from them under the tenant's definition when
 * written ({@link RealtimeJson}). A group without calls has {@link SliceFigures#NONE} everywhere.
 *
 * @param targetSeconds answered within this counts for the service level
 * @param targetPercent the service level the group aims at
 */
public record GroupNow(long groupId, String name, int targetSeconds, int targetPercent, SliceFigures today, SliceFigures lastShort,
                       SliceFigures lastLong) {
}
