import { describe, expect, it } from 'vitest';
import { softphoneWebSocket, type SoftphoneSettings } from '../../../api/agents';
import { mediaProblemOf } from './mediaProblem';

const SETTINGS: SoftphoneSettings = {
  available: true,
  reason: null,
  webSocket: 'ws://127.0.0.1:8088',
  secureWebSocket: 'wss://127.0.0.1:8089',
  sipUri: 'sip:1001@127.0.0.1',
  authorizationUser: '1001',
  realm: 'verbund',
  ha1: '0'.repeat(32),
  displayName: 'Agent 1001',
};

describe('the softphone', () => {
  it('tells a refused, a missing and a busy microphone apart', () => {
    expect(mediaProblemOf(new DOMException('denied', 'NotAllowedError'))).toBe('microphoneRefused');
    expect(mediaProblemOf(new DOMException('none', 'NotFoundError'))).toBe('microphoneMissing');
    expect(mediaProblemOf({ name: 'OverconstrainedError' })).toBe('microphoneMissing');
    expect(mediaProblemOf(new DOMException('in use', 'NotReadableError'))).toBe('microphoneBusy');
    expect(mediaProblemOf('strange')).toBe('microphoneFailed');
  });

  it('uses the secure WebSocket from a page that came over HTTPS, the plain one otherwise', () => {
    expect(softphoneWebSocket(SETTINGS, 'https:')).toBe('wss://127.0.0.1:8089');
    expect(softphoneWebSocket(SETTINGS, 'http:')).toBe('ws://127.0.0.1:8088');
    expect(softphoneWebSocket({ ...SETTINGS, webSocket: null }, 'http:')).toBe('wss://127.0.0.1:8089');
    expect(softphoneWebSocket({ ...SETTINGS, secureWebSocket: null }, 'https:')).toBeNull();
  });
});
