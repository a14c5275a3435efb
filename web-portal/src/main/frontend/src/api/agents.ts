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
  /** While in WRAP_UP: when it ends and how much longer the agent may extend it; otherwise null. */
  wrapUp?: WrapUpDocument | null;
}

/** An agent's wrap-up after a call, as the state document carries it. */
export interface WrapUpDocument {
  /** ISO instant the wrap-up time is over (a required disposition may still hold the agent). */
  endsAt: string;
  /** How much longer in total the group lets the agent extend it; 0: not at all. */
  extensionAllowedSeconds: number;
  /** How much of that is left. */
  extensionLeftSeconds: number;
}

/** The desktop extends a wrap-up by this much per click. */
export const WRAP_UP_EXTENSION_STEP_SECONDS = 30;

/**
 * The seconds the desktop's extend button offers: the usual step, or what is left of the group's
 * allowance when that is less; 0 when the allowance is used up; null when the group allows no
 * extension at all (no button).
 */
export function wrapUpExtensionOffer(wrapUp: WrapUpDocument | null | undefined): number | null {
  if (wrapUp === null || wrapUp === undefined || wrapUp.extensionAllowedSeconds <= 0) {
    return null;
  }
  return Math.max(0, Math.min(WRAP_UP_EXTENSION_STEP_SECONDS, wrapUp.extensionLeftSeconds));
}

/**
 * What a person may ask for; RESERVED, RINGING, ON_CALL and WRAP_UP are set by the call path.
 * `force` sets the state whatever the agent is doing, also while a call has it; only the agent's
 * supervisors and admins may (403 for the agent itself).
 */
export type AgentStateRequest =
  | { state: 'READY'; force?: true }
  | { state: 'PAUSED'; reason: string; force?: true }
  | { state: 'LOGGED_OUT'; force?: true };

/** The states in which a call has the agent: a change without force is refused then (409). */
export const ENGAGED_STATES: ReadonlySet<AgentStateName> = new Set(['RESERVED', 'RINGING', 'ON_CALL']);

/**
 * Which manual changes make sense from a state, mirroring acd-core's AgentStatus rules so the
 * desktop does not offer buttons the server would refuse. The server still decides (409). Without
 * force, which an agent may not use on itself: supervisors see {@link supervisorRequests}.
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

/**
 * What forcing a change does to the call that has the agent: an offer (RESERVED, RINGING) is
 * withdrawn and the caller goes back to its place in the queue; a connected call ends on both legs.
 */
export type ForceEffect = 'WITHDRAWS_OFFER' | 'ENDS_CALL';

/** What forcing a change from this state does to a call; null where no force is needed. */
export function forceEffect(state: AgentStateName): ForceEffect | null {
  switch (state) {
    case 'RESERVED':
    case 'RINGING':
      return 'WITHDRAWS_OFFER';
    case 'ON_CALL':
      return 'ENDS_CALL';
    default:
      return null;
  }
}

/** What a supervisor or admin may ask for an agent in a state; `force` is set when the changes need it. */
export interface SupervisorRequests {
  ready: boolean;
  pause: boolean;
  logOut: boolean;
  force: ForceEffect | null;
}

/**
 * The changes a supervisor or admin may make: outside a call the same as the agent's own (acd-core
 * lets WRAP_UP go READY, PAUSED or LOGGED_OUT without force), and while a call has the agent all
 * three, but forced.
 */
export function supervisorRequests(state: AgentStateName): SupervisorRequests {
  const force = forceEffect(state);
  if (force !== null) {
    return { ready: true, pause: true, logOut: true, force };
  }
  return { ...allowedRequests(state), force: null };
}

/** What a supervisor's choice leads to: the request to send, and what to confirm first (null: nothing). */
export interface SupervisorChoice {
  request: AgentStateRequest;
  confirm: ForceEffect | null;
}

/**
 * A supervisor's choice for an agent in `state`: forced, after confirmation, exactly when a call
 * has the agent, so the audit log shows force only where a call was taken from it.
 */
export function supervisorChoice(state: AgentStateName, request: AgentStateRequest): SupervisorChoice {
  const effect = forceEffect(state);
  if (effect === null) {
    const { force: _ignored, ...plain } = request;
    return { request: plain, confirm: null };
  }
  return { request: { ...request, force: true }, confirm: effect };
}

/**
 * The agent's own figures since midnight (`GET /agents/{extension}/today`, counted by
 * stats-service on the real-time replica); times in whole seconds.
 */
export interface AgentToday {
  extension: string;
  answered: number;
  talkSeconds: number;
  averageTalkSeconds: number;
  longestTalkSeconds: number;
  /** Average handle time under the tenant's KPI definition; absent before the first call ends. */
  ahtSeconds?: number;
  readySeconds?: number;
  pausedSeconds?: number;
}

/** The agent's browser softphone settings (`GET /agents/{extension}/softphone`), only for the agent itself. */
export interface SoftphoneSettings {
  available: boolean;
  /** Why there is no softphone, when `available` is false. */
  reason: string | null;
  webSocket: string | null;
  secureWebSocket: string | null;
  sipUri: string | null;
  authorizationUser: string | null;
  realm: string | null;
  /** The digest HA1 of the agent's phone account: answers the registrar's challenge in place of a password. */
  ha1: string | null;
  displayName: string | null;
}

/**
 * The WebSocket the softphone connects to: the secure one from a page that came over HTTPS (a
 * browser refuses a plain WebSocket there), otherwise the plain one, else whichever exists.
 */
export function softphoneWebSocket(settings: SoftphoneSettings, pageProtocol: string): string | null {
  if (pageProtocol === 'https:') {
    return settings.secureWebSocket;
  }
  return settings.webSocket ?? settings.secureWebSocket;
}

export class AgentApi {
  constructor(private readonly client: ApiClient) {}

  softphone(extension: string, signal?: AbortSignal): Promise<SoftphoneSettings> {
    return this.client.get<SoftphoneSettings>(`/agents/${encodeURIComponent(extension)}/softphone`, { signal });
  }

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

  /** Takes `seconds` more wrap-up time; resolves with the state, whose `wrapUp` names the new end (409 when refused). */
  extendWrapUp(extension: string, seconds: number): Promise<AgentStateDocument | undefined> {
    return this.client.post<AgentStateDocument | undefined>(`/agents/${encodeURIComponent(extension)}/wrap-up/extensions`, { seconds });
  }
}
