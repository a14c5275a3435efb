import { describe, expect, it, vi } from 'vitest';
import { SupervisionSessions } from './supervisionSession';

describe('the supervision session', () => {
  it('switching the mode keeps the call and its agent, and tells the listeners', () => {
    const sessions = new SupervisionSessions();
    const listener = vi.fn();
    sessions.subscribe(listener);

    sessions.started('c-1', 'listen', '1001');
    sessions.started('c-1', 'barge', null);

    expect(sessions.current()).toEqual({ callId: 'c-1', mode: 'barge', agent: '1001' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('another call replaces the session without taking the first call agent', () => {
    const sessions = new SupervisionSessions();
    sessions.started('c-1', 'listen', '1001');

    sessions.started('c-2', 'whisper', null);

    expect(sessions.current()).toEqual({ callId: 'c-2', mode: 'whisper', agent: null });
  });

  it('ending an older call leaves the current session; ending it or any clears it', () => {
    const sessions = new SupervisionSessions();
    sessions.started('c-2', 'listen', '1002');

    sessions.ended('c-1');
    expect(sessions.current()?.callId).toBe('c-2');

    sessions.ended('c-2');
    expect(sessions.current()).toBeNull();

    sessions.started('c-3', 'whisper', '1003');
    sessions.ended();
    expect(sessions.current()).toBeNull();
  });

  it('an unsubscribed listener hears nothing more', () => {
    const sessions = new SupervisionSessions();
    const listener = vi.fn();
    const unsubscribe = sessions.subscribe(listener);
    unsubscribe();

    sessions.started('c-1', 'listen', '1001');

    expect(listener).not.toHaveBeenCalled();
  });
});
