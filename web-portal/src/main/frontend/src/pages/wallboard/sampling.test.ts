import { describe, expect, it } from 'vitest';
import { HISTORY_WINDOW_MS, bucketMinutes, bucketSeries, recordSample, type WaitingHistory } from './sampling';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MINUTE = 60_000;

describe('waiting samples', () => {
  it('keeps only changes of the count', () => {
    let history: WaitingHistory = {};
    history = recordSample(history, 1, T0, 2);
    history = recordSample(history, 1, T0 + 1000, 2);
    history = recordSample(history, 1, T0 + 2000, 3);
    history = recordSample(history, 2, T0 + 2000, 0);

    expect(history[1]).toEqual([
      { at: T0, waiting: 2 },
      { at: T0 + 2000, waiting: 3 },
    ]);
    expect(history[2]).toEqual([{ at: T0 + 2000, waiting: 0 }]);
  });

  it('returns the same history when nothing changed', () => {
    const history = recordSample({}, 1, T0, 2);
    expect(recordSample(history, 1, T0 + 5000, 2)).toBe(history);
  });

  it('drops what is older than the window but keeps the count at its start', () => {
    let history: WaitingHistory = {};
    history = recordSample(history, 1, T0, 1);
    history = recordSample(history, 1, T0 + 5 * MINUTE, 4);
    history = recordSample(history, 1, T0 + 40 * MINUTE, 0);

    expect(history[1]).toEqual([
      { at: T0 + 5 * MINUTE, waiting: 4 },
      { at: T0 + 40 * MINUTE, waiting: 0 },
    ]);
  });

  it('never puts a sample before the last one when the clock steps back', () => {
    let history: WaitingHistory = {};
    history = recordSample(history, 1, T0, 1);
    history = recordSample(history, 1, T0 - 3000, 2);
    expect(history[1]).toEqual([{ at: T0, waiting: 2 }]);
  });
});

describe('the chart series', () => {
  it('has one value per minute: the most callers waiting in it, carried on while nothing changes', () => {
    const samples = [
      { at: T0 + 10 * MINUTE + 1000, waiting: 1 },
      { at: T0 + 10 * MINUTE + 20_000, waiting: 3 },
      { at: T0 + 10 * MINUTE + 40_000, waiting: 0 },
      { at: T0 + 12 * MINUTE, waiting: 2 },
    ];
    const now = T0 + 30 * MINUTE;
    const series = bucketSeries(samples, now, 30, HISTORY_WINDOW_MS);

    expect(series).toHaveLength(30);
    expect(series.slice(0, 10)).toEqual(new Array(10).fill(null));
    expect(series[10]).toBe(3);
    expect(series[11]).toBe(0);
    expect(series[12]).toBe(2);
    expect(series[29]).toBe(2);
  });

  it('starts from the count before the window', () => {
    const now = T0 + 60 * MINUTE;
    const series = bucketSeries([{ at: T0, waiting: 5 }], now);
    expect(series.every((value) => value === 5)).toBe(true);
  });

  it('counts a sample taken just now', () => {
    const now = T0 + 30 * MINUTE;
    const series = bucketSeries([{ at: now, waiting: 7 }], now);
    expect(series[29]).toBe(7);
    expect(series[28]).toBeNull();
  });

  it('labels the buckets with minutes before now', () => {
    const minutes = bucketMinutes(30);
    expect(minutes[0]).toBe(-29);
    expect(minutes[29]).toBe(0);
  });
});
