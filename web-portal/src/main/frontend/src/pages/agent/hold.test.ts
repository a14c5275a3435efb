import { describe, expect, it } from 'vitest';
import { holdActionOf } from './hold';

describe('the hold button', () => {
  it('holds a connected caller and resumes a held one, as the call record says', () => {
    expect(holdActionOf('ON_CALL', { onHold: false }, null)).toBe('hold');
    expect(holdActionOf('ON_CALL', { onHold: true }, null)).toBe('resume');
    expect(holdActionOf('ON_CALL', null, null)).toBe('hold');
  });

  it('follows the agent’s accepted click while the record has not caught up', () => {
    expect(holdActionOf('ON_CALL', { onHold: false }, 'hold')).toBe('resume');
    expect(holdActionOf('ON_CALL', { onHold: true }, 'resume')).toBe('hold');
  });

  it('is not there unless the agent talks on the call', () => {
    for (const state of ['RESERVED', 'RINGING', 'WRAP_UP', 'READY'] as const) {
      expect(holdActionOf(state, { onHold: true }, 'hold')).toBeNull();
    }
  });
});
