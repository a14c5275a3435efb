import { describe, expect, it, vi } from 'vitest';
import { retryOn404, type CallDocument } from '../../api/calls';
import { ApiError } from '../../api/problem';
import { applyAlarmEvent } from '../../layout/alarms';
import { callDetailsOf, waitingSecondsOf } from './callDetails';

const CALL: CallDocument = {
  callId: 'c-1',
  caller: '+4940111222',
  serviceNumber: '+4930500100',
  group: 'Support',
  receivedAt: '2026-11-25T10:00:00Z',
  queuedAt: '2026-11-25T10:00:05Z',
  answeredAt: null,
  endedAt: null,
  outcome: null,
  agent: '1001',
  disposition: null,
};
const NOW = Date.parse('2026-11-25T10:00:47Z');

describe('the call card', () => {
  it('shows the call’s caller, service number, group and waiting time', () => {
    expect(callDetailsOf('c-1', { ...CALL, answeredAt: '2026-11-25T10:00:35Z' }, 'ON_CALL', '2026-11-25T10:00:35Z', NOW)).toEqual({
      callId: 'c-1',
      callerNumber: '+4940111222',
      serviceNumber: '+4930500100',
      group: 'Support',
      waitingSeconds: 30,
    });
  });

  it('says an offered callback is one, with the number to call back', () => {
    const details = callDetailsOf('c-1', { ...CALL, direction: 'CALLBACK', dialledNumber: '+49301234567' }, 'RINGING', '2026-11-25T10:00:40Z', NOW);
    expect(details.callbackNumber).toBe('+49301234567');
    expect(callDetailsOf('c-1', { ...CALL, direction: 'OUTBOUND', dialledNumber: '+4940111222' }, 'ON_CALL', '2026-11-25T10:00:40Z', NOW)
      .callbackNumber).toBeUndefined();
  });

  it('shows only the id until the call’s record is there', () => {
    expect(callDetailsOf('c-1', null, 'RINGING', '2026-11-25T10:00:40Z', NOW)).toEqual({ callId: 'c-1' });
  });

  it('counts the waiting time on while the call rings, up to the answer once connected', () => {
    expect(waitingSecondsOf(CALL, 'RINGING', '2026-11-25T10:00:40Z', NOW)).toBe(42);
    // Answered, but the record does not say so yet: the state change tells when.
    expect(waitingSecondsOf(CALL, 'ON_CALL', '2026-11-25T10:00:41Z', NOW)).toBe(36);
    expect(waitingSecondsOf(CALL, 'WRAP_UP', '2026-11-25T10:05:00Z', NOW)).toBeUndefined();
    expect(waitingSecondsOf({ ...CALL, queuedAt: null }, 'RINGING', '2026-11-25T10:00:40Z', NOW)).toBeUndefined();
  });
});

describe('reading a call that has just started', () => {
  const notYet = () => new ApiError(404, { status: 404, detail: 'no call c-1' }, 'no call');

  it('asks again while the record is not written (404)', async () => {
    const request = vi.fn<() => Promise<string>>().mockRejectedValueOnce(notYet()).mockRejectedValueOnce(notYet()).mockResolvedValue('found');
    const waits: number[] = [];

    await expect(retryOn404(request, { attempts: 5, delayMs: 100, sleep: async (ms) => void waits.push(ms) })).resolves.toBe('found');
    expect(request).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after the last attempt and on other failures at once', async () => {
    const missing = vi.fn<() => Promise<string>>().mockRejectedValue(notYet());
    await expect(retryOn404(missing, { attempts: 3, sleep: async () => undefined })).rejects.toMatchObject({ status: 404 });
    expect(missing).toHaveBeenCalledTimes(3);

    const forbidden = vi.fn<() => Promise<string>>().mockRejectedValue(new ApiError(403, null, 'no'));
    await expect(retryOn404(forbidden, { attempts: 3, sleep: async () => undefined })).rejects.toMatchObject({ status: 403 });
    expect(forbidden).toHaveBeenCalledTimes(1);
  });
});

describe('alarm events', () => {
  it('add raised alarms and remove cleared ones', () => {
    const raised = applyAlarmEvent([], { code: 'TRUNK_DOWN', active: true, message: 'Trunk 1 is down' });
    expect(raised).toEqual([{ code: 'TRUNK_DOWN', message: 'Trunk 1 is down' }]);
    const updated = applyAlarmEvent(raised, { code: 'TRUNK_DOWN', active: true, message: 'Trunks 1 and 2 are down' });
    expect(updated).toEqual([{ code: 'TRUNK_DOWN', message: 'Trunks 1 and 2 are down' }]);
    expect(applyAlarmEvent(updated, { code: 'TRUNK_DOWN', active: false, message: '' })).toEqual([]);
    expect(applyAlarmEvent(updated, { nonsense: true })).toBe(updated);
  });
});
