import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SoftphoneSettings } from '../../../api/agents';
import { SoftphoneLine, type LineOptions, type SoftphoneView } from './SoftphoneLine';

/** Stands in for JsSIP's UA and sessions: what they emit is driven by the test. */
const fakes = vi.hoisted(() => {
  class Emitter {
    private readonly handlers = new Map<string, ((data?: unknown) => void)[]>();

    on(event: string, handler: (data?: unknown) => void): void {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    }

    emit(event: string, data?: unknown): void {
      (this.handlers.get(event) ?? []).forEach((handler) => handler(data));
    }
  }
  const agents: FakeUaShape[] = [];
  class UA extends Emitter {
    constructor() {
      super();
      agents.push(this);
    }

    start(): void {}

    stop(): void {}
  }
  interface FakeUaShape {
    emit(event: string, data?: unknown): void;
  }
  return { Emitter, UA, agents };
});

vi.mock('jssip', () => ({ WebSocketInterface: class {}, UA: fakes.UA }));

vi.mock('./RingTone', () => ({
  RingTone: class {
    start(): void {}
    stop(): void {}
    useSpeaker(): Promise<void> {
      return Promise.resolve();
    }
  },
}));

class FakeSession extends fakes.Emitter {
  ended = false;
  answer = vi.fn();
  remote_identity = { uri: { user: '+4940123456' } };
  terminate = vi.fn(() => {
    this.ended = true;
    this.emit('ended');
  });

  isEnded(): boolean {
    return this.ended;
  }
}

const SETTINGS: SoftphoneSettings = {
  available: true,
  reason: null,
  webSocket: 'ws://127.0.0.1:8088',
  secureWebSocket: null,
  sipUri: 'sip:1001@127.0.0.1',
  authorizationUser: '1001',
  realm: 'verbund',
  ha1: '0'.repeat(32),
  displayName: 'Agent 1001',
};

function line(options: LineOptions = {}): { ua: { emit(event: string, data?: unknown): void }; view: () => SoftphoneView } {
  fakes.agents.length = 0;
  const phone = new SoftphoneLine(SETTINGS, 'ws://127.0.0.1:8088', { srcObject: null } as unknown as HTMLAudioElement, options);
  let latest = null as SoftphoneView | null;
  phone.subscribe((view) => {
    latest = view;
  });
  const ua = fakes.agents[0];
  if (ua === undefined) {
    throw new Error('the line made no UA');
  }
  return { ua, view: () => latest as SoftphoneView };
}

describe('the softphone line', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ends a call whose socket closed, says why, and is ready again once registered anew', () => {
    const { ua, view } = line();
    ua.emit('registered');
    const session = new FakeSession();
    ua.emit('newRTCSession', { originator: 'remote', session });
    session.emit('confirmed');
    expect(view().call).toBe('talking');

    ua.emit('disconnected');

    expect(session.terminate).toHaveBeenCalled();
    expect(view()).toMatchObject({ call: 'idle', caller: null, callProblem: 'connectionLost', line: 'failed', lineProblem: 'disconnected' });
    ua.emit('connected');
    ua.emit('registered');
    expect(view()).toMatchObject({ line: 'registered', lineProblem: null, callProblem: 'connectionLost' });
    ua.emit('newRTCSession', { originator: 'remote', session: new FakeSession() });
    expect(view()).toMatchObject({ call: 'ringing', callProblem: null });
  });

  it('a socket closing while no call is up only shows the line down', () => {
    const { ua, view } = line();
    ua.emit('registered');

    ua.emit('disconnected');

    expect(view()).toMatchObject({ call: 'idle', callProblem: null, line: 'failed' });
  });

  describe('answering', () => {
    const microphone = { getTracks: () => [] } as unknown as MediaStream;
    const getUserMedia = vi.fn(() => Promise.resolve(microphone));
    beforeEach(() => {
      getUserMedia.mockClear();
      vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
    });
    afterEach(() => vi.unstubAllGlobals());
    const settled = async () => {
      for (let turn = 0; turn < 5; turn++) await Promise.resolve();
    };

    it('a line that answers at once takes the call with the microphone without waiting for a click', async () => {
      const { ua, view } = line({ answerAtOnce: true });
      ua.emit('registered');
      const session = new FakeSession();

      ua.emit('newRTCSession', { originator: 'remote', session });
      await settled();

      expect(getUserMedia).toHaveBeenCalledTimes(1);
      expect(session.answer).toHaveBeenCalledWith(expect.objectContaining({ mediaStream: microphone }));
      expect(view().call).toBe('answering');
      session.emit('confirmed');
      expect(view().call).toBe('talking');
    });

    it('a line that rings leaves the answer to the user', async () => {
      const { ua, view } = line();
      ua.emit('registered');
      const session = new FakeSession();

      ua.emit('newRTCSession', { originator: 'remote', session });
      await settled();

      expect(view().call).toBe('ringing');
      expect(getUserMedia).not.toHaveBeenCalled();
      expect(session.answer).not.toHaveBeenCalled();
    });
  });
});
