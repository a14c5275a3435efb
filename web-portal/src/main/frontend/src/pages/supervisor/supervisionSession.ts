import { useSyncExternalStore } from 'react';
import type { SupervisionMode } from '../../api/calls';

/** The call the supervisor is in, and how: what the softphone card and the call's controls both show. */
export interface SupervisionSession {
  callId: string;
  /** The agent whose call it is, when known. */
  agent: string | null;
  mode: SupervisionMode;
}

/**
 * The supervisor's one supervision at a time, in this browser tab: set when the server accepted a
 * listen, whisper or barge-in (again to switch), cleared on leaving or when the supervisor's
 * browser call ends.
 */
export class SupervisionSessions {
  private session: SupervisionSession | null = null;
  private readonly listeners = new Set<() => void>();

  readonly current = (): SupervisionSession | null => this.session;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Accepted: a new call, or another mode on the same call (which keeps the agent already known). */
  started(callId: string, mode: SupervisionMode, agent: string | null): void {
    const known = this.session?.callId === callId ? this.session.agent : null;
    this.change({ callId, mode, agent: agent ?? known });
  }

  /** Left or over: only that call's session, when named, so a late answer for an old call clears nothing newer. */
  ended(callId?: string): void {
    if (this.session !== null && (callId === undefined || this.session.callId === callId)) {
      this.change(null);
    }
  }

  private change(session: SupervisionSession | null): void {
    this.session = session;
    this.listeners.forEach((listener) => listener());
  }
}

export const supervisionSessions = new SupervisionSessions();

export function useSupervisionSession(): SupervisionSession | null {
  return useSyncExternalStore(supervisionSessions.subscribe, supervisionSessions.current);
}
