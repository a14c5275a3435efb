/** One observation of a queue: how many callers waited at a moment (ms since the epoch). */
export interface Sample {
  at: number;
  waiting: number;
}

/** Observations per group id, oldest first. */
export type WaitingHistory = Record<number, Sample[]>;

/** The span the wallboard's charts show. */
export const HISTORY_WINDOW_MS = 30 * 60 * 1000;

/**
 * Adds what a `queue` event (or a full read) said about a group at `at`. Only changes are kept:
 * between two samples the count is the earlier one. Samples older than the window are dropped,
 * except the last of them, which says what the count was when the window starts.
 */
export function recordSample(history: WaitingHistory, groupId: number, at: number, waiting: number, windowMs = HISTORY_WINDOW_MS): WaitingHistory {
  const samples = history[groupId] ?? [];
  const last = samples[samples.length - 1];
  // The browser's clock decides the order of what it received; a clock step back must not reorder.
  const when = last === undefined ? at : Math.max(at, last.at);
  let next: Sample[];
  if (last !== undefined && last.waiting === waiting) {
    next = samples;
  } else if (last !== undefined && last.at === when) {
    // Several events in the same millisecond: the last one holds.
    next = [...samples.slice(0, -1), { at: when, waiting }];
  } else {
    next = [...samples, { at: when, waiting }];
  }
  const windowStart = when - windowMs;
  const firstInside = next.findIndex((sample) => sample.at >= windowStart);
  const keepFrom = firstInside < 0 ? next.length - 1 : Math.max(0, firstInside - 1);
  if (keepFrom > 0) next = next.slice(keepFrom);
  return next === samples ? history : { ...history, [groupId]: next };
}

/**
 * The chart's values: the window ending `now` cut into `buckets` equal spans, each the highest count
 * seen in it (counting the one carried in from before); null where nothing was known yet.
 */
export function bucketSeries(samples: readonly Sample[], now: number, buckets = 30, windowMs = HISTORY_WINDOW_MS): Array<number | null> {
  const size = windowMs / buckets;
  const start = now - windowMs;
  const values: Array<number | null> = [];
  let index = 0;
  let carried: number | null = null;
  // Everything before the window only tells what the count was at its start.
  while (index < samples.length && samples[index]!.at < start) {
    carried = samples[index]!.waiting;
    index++;
  }
  for (let bucket = 0; bucket < buckets; bucket++) {
    const end = bucket === buckets - 1 ? now + 1 : start + (bucket + 1) * size;
    let highest = carried;
    while (index < samples.length && samples[index]!.at < end) {
      const waiting = samples[index]!.waiting;
      highest = highest === null ? waiting : Math.max(highest, waiting);
      carried = waiting;
      index++;
    }
    values.push(highest);
  }
  return values;
}

/** Minutes before now at the middle of each bucket, for the chart's x axis (-30 … 0). */
export function bucketMinutes(buckets = 30, windowMs = HISTORY_WINDOW_MS): number[] {
  const size = windowMs / buckets;
  return Array.from({ length: buckets }, (_, bucket) => 0 - Math.round(((buckets - bucket - 1) * size) / 60000));
}
