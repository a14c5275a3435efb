import { describe, expect, it } from 'vitest';
import { allowedRequests, wrapUpExtensionOffer, type AgentStateDocument, type WrapUpDocument } from '../../api/agents';
import { choosableReasons, type PauseReason } from '../../api/pauseReasons';
import { replacesShownState } from './agentStateOrder';
import { formatDuration, secondsSince } from './duration';

const READY: AgentStateDocument = {
  tenant: 'demo',
  extension: '1001',
  state: 'READY',
  since: '2026-11-25T08:00:00Z',
  reason: null,
  callId: null,
};

function reason(code: string, changes: Partial<PauseReason> = {}): PauseReason {
  return { id: code, code, label: code, paid: true, maxSeconds: null, setBySystem: false, enabled: true, version: 1, ...changes };
}

describe('time in state', () => {
  it('reads like a phone display', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('never goes below zero when the browser clock is behind the server', () => {
    expect(secondsSince('2026-11-25T08:00:05Z', Date.parse('2026-11-25T08:00:00Z'))).toBe(0);
    expect(secondsSince('2026-11-25T08:00:00Z', Date.parse('2026-11-25T08:01:30.900Z'))).toBe(90);
  });
});

describe('state buttons', () => {
  it('offer no change while a call has the agent', () => {
    for (const state of ['RESERVED', 'RINGING', 'ON_CALL'] as const) {
      expect(allowedRequests(state)).toEqual({ ready: false, pause: false, logOut: false });
    }
  });

  it('offer what acd-core allows from the other states', () => {
    expect(allowedRequests('LOGGED_OUT')).toEqual({ ready: true, pause: true, logOut: false });
    expect(allowedRequests('READY')).toEqual({ ready: false, pause: true, logOut: true });
    expect(allowedRequests('PAUSED')).toEqual({ ready: true, pause: true, logOut: true });
    expect(allowedRequests('WRAP_UP')).toEqual({ ready: true, pause: true, logOut: true });
  });
});

describe('pause reasons', () => {
  it('offer only enabled reasons the agent may choose', () => {
    const reasons = [reason('BREAK'), reason('NO_ANSWER', { setBySystem: true }), reason('OLD', { enabled: false }), reason('LUNCH')];
    expect(choosableReasons(reasons).map((r) => r.code)).toEqual(['BREAK', 'LUNCH']);
  });
});

describe('the shown state', () => {
  it('takes a newer document of the same agent', () => {
    const paused = { ...READY, state: 'PAUSED' as const, reason: 'BREAK', since: '2026-11-25T08:05:00Z' };
    expect(replacesShownState(READY, paused, '1001')).toBe(true);
  });

  it('keeps what it shows against an answer that was overtaken', () => {
    const older = { ...READY, state: 'LOGGED_OUT' as const, since: '2026-11-25T07:00:00Z' };
    expect(replacesShownState(READY, older, '1001')).toBe(false);
  });

  it('ignores other agents', () => {
    expect(replacesShownState(READY, { ...READY, extension: '1002' }, '1001')).toBe(false);
    expect(replacesShownState(null, { ...READY, extension: '1002' }, '1001')).toBe(false);
  });
});

describe('wrap-up extension', () => {
  const wrapUp = (allowed: number, left: number): WrapUpDocument => ({
    endsAt: '2026-11-25T08:01:00Z',
    extensionAllowedSeconds: allowed,
    extensionLeftSeconds: left,
  });
  const WRAPPING_UP: AgentStateDocument = { ...READY, state: 'WRAP_UP', callId: 'call-1', wrapUp: wrapUp(60, 60) };

  it('offers 30 s while the group allows that much more', () => {
    expect(wrapUpExtensionOffer(wrapUp(60, 60))).toBe(30);
    expect(wrapUpExtensionOffer(wrapUp(60, 30))).toBe(30);
  });

  it('offers what is left when that is less, and nothing once it is used up', () => {
    expect(wrapUpExtensionOffer(wrapUp(60, 12))).toBe(12);
    expect(wrapUpExtensionOffer(wrapUp(60, 0))).toBe(0);
  });

  it('shows no button when the group allows no extension or the agent is not wrapping up', () => {
    expect(wrapUpExtensionOffer(wrapUp(0, 0))).toBeNull();
    expect(wrapUpExtensionOffer(null)).toBeNull();
    expect(wrapUpExtensionOffer(undefined)).toBeNull();
  });

  it('keeps the later end of one wrap-up when answers overtake each other', () => {
    const extended = { ...WRAPPING_UP, wrapUp: { ...wrapUp(60, 30), endsAt: '2026-11-25T08:01:30Z' } };
    expect(replacesShownState(WRAPPING_UP, extended, '1001')).toBe(true);
    expect(replacesShownState(extended, WRAPPING_UP, '1001')).toBe(false);
  });
});
