import type { ApiClient } from './client';

export const AGENT_STATES = ['LOGGED_OUT', 'READY', 'PAUSED', 'RESERVED', 'RINGING', 'ON_CALL', 'WRAP_UP'] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];

/** An agent's live state (`GET /agents/{extension}/state` and the `agent-state` event). */
export interface AgentStateDocument {
  tenant: string;
  extension: string;
  state: AgentStateName;
  /** ISO instant the agent entered this state. */
  since: string;
  /** The pause reason's code while PAUSED. */
  reason: string | null;
  /** The call the agent is reserved for, ringing with, talking on or wrapping up. */
  callId: string | null;
}

/** What an agent may ask for; RESERVED, RINGING, ON_CALL and WRAP_UP are set by the call path. */
export type AgentStateRequest =
  | { state: 'READY' }
  | { state: 'PAUSED'; reason: string }
  | { state: 'LOGGED_OUT' };

/** The states in which a call has the agent: no manual change is accepted then (409). */
export const ENGAGED_STATES: ReadonlySet<AgentStateName> = new Set(['RESERVED', 'RINGING', 'ON_CALL']);

/**
 * Which manual changes make sense from a state, mirroring acd-core's AgentStatus rules so the
 * desktop does not offer buttons the server would refuse. The server still decides (409).
 */
export function allowedRequests(state: AgentStateName): { ready: boolean; pause: boolean; logOut: boolean } {
  if (ENGAGED_STATES.has(state)) {
    return { ready: false, pause: false, logOut: false };
  }
  return {
    ready: state !== 'READY',
    // Pausing again while PAUSED changes the reason.
    pause: true,
    logOut: state !== 'LOGGED_OUT',
  };
}

/** The agent's own figures since midnight (`GET /agents/{extension}/today`); times in seconds. */
export interface AgentToday {
  extension: string;
  answered: number;
  talkSeconds: number;
  averageTalkSeconds: number;
  longestTalkSeconds: number;
}

export class AgentApi {
  constructor(private readonly client: ApiClient) {}

  today(extension: string, signal?: AbortSignal): Promise<AgentToday> {
    return this.client.get<AgentToday>(`/agents/${encodeURIComponent(extension)}/today`, { signal });
  }

  state(extension: string, signal?: AbortSignal): Promise<AgentStateDocument> {
    return this.client.get<AgentStateDocument>(`/agents/${encodeURIComponent(extension)}/state`, { signal });
  }

  /**
   * Asks for a state change. Resolves with the new state the server answers with, or undefined
   * if it answered without a body.
   */
  change(extension: string, request: AgentStateRequest): Promise<AgentStateDocument | undefined> {
    return this.client.put<AgentStateDocument | undefined>(`/agents/${encodeURIComponent(extension)}/state`, request);
  }
}
