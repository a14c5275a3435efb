import { describe, expect, it } from 'vitest';
import { duration } from './TodayFigures';

describe('duration', () => {
  it('shows minutes and seconds, and hours from an hour on', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(65)).toBe('1:05');
    expect(duration(3599)).toBe('59:59');
    expect(duration(3600 + 62)).toBe('1:01:02');
  });
});
