import type { ApiClient } from './client';
import { API_BASE } from './client';
import { MAX_PAGE_LIMIT, queryString, type Page } from './page';
import { ApiError } from './problem';

/** One entry of a call's routing decision record, e.g. `CallOffered`: "longest idle: 1003 ready for 42 s". */
export interface CallStep {
  seq?: number;
  at: string;
  /** A past-tense fact: CallReceived, CallQueued, CallOffered, CallAnswered, … */
  kind: string;
  detail: string | null;
  /** The call-flow node the call was in. */
  flowNode?: string | null;
  /** The agent concerned (offered to, answered by). */
  agent?: string | null;
  /** Everything the step recorded; for `RoutingDecided` a {@link RoutingDecision}. */
  data?: unknown;
}

/** One agent as a routing decision saw it. */
export interface ConsideredAgent {
  agent: string;
  chosen: boolean;
  /** Why it could not be offered the call (PAUSED, BELOW_SKILL_MINIMUM, RANKED_LOWER, …); absent when chosen. */
  excluded?: string;
  /** The ordering key of an eligible agent, or what excluded it. */
  detail: string;
}

/** Why a call was offered to whom: the `RoutingDecided` step's data. */
export interface RoutingDecision {
  group: string;
  strategy: string;
  eligible: number;
  chosen: string[];
  considered: ConsideredAgent[];
  /** How many members each reason excluded, all of them (the named ones are at most ten per list). */
  excludedCounts: Record<string, number>;
}

/** The routing decisions among a call's steps, oldest first. */
export function routingDecisionsOf(steps: CallStep[] | undefined): Array<{ at: string; decision: RoutingDecision }> {
  return (steps ?? [])
    .filter((step) => step.kind === 'RoutingDecided' && typeof step.data === 'object' && step.data !== null)
    .map((step) => ({ at: step.at, decision: step.data as RoutingDecision }));
}

/** A call as `GET /calls/{callId}` answers it; `steps` are left out of lists. */
export interface CallDocument {
  callId: string;
  caller: string | null;
  serviceNumber: string | null;
  group: string | null;
  receivedAt: string | null;
  queuedAt: string | null;
  offeredAt?: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  /** The group's CRM link for this caller, when the group has a CRM URL template. */
  crmUrl?: string | null;
  outcome: string | null;
  agent: string | null;
  disposition: string | null;
  /** Whether `/calls/{callId}/recording` has the call's recording. */
  hasRecording?: boolean;
  /** Whether `/calls/{callId}/voicemail` has the message the caller left. */
  hasVoicemail?: boolean;
  /**
   * INBOUND, OUTBOUND for a call an agent placed (then `caller` is the number dialled), or CALLBACK
   * for a caller who chose to be called back (then `dialledNumber` is the number called back).
   */
  direction?: 'INBOUND' | 'OUTBOUND' | 'CALLBACK';
  /** The number an outbound call or a callback dialled. */
  dialledNumber?: string | null;
  steps?: CallStep[];
  /** Whether the caller is on hold now (single call only). */
  onHold?: boolean | null;
  /** The call's time on hold in all, holds that ended so far (single call only). */
  heldSeconds?: number | null;
  /** The agent's consultation going on (single call only): RINGING, TALKING or SWAPPED. */
  consultation?: 'RINGING' | 'TALKING' | 'SWAPPED' | null;
  /** The conference's third party hearing caller and agent, e.g. "agent:1002" (single call only); null when none. */
  conference?: string | null;
}

/** How far an outbound call got, as the desktop says it: from its steps and outcome. */
export type OutboundProgress =
  | 'placing'
  | 'ringingAgent'
  | 'dialling'
  | 'connected'
  | 'ended'
  | 'AGENT_NOT_REACHED'
  | 'BUSY'
  | 'NO_ANSWER'
  | 'FAILED'
  | 'CANCELLED';

const FAILED_OUTCOMES: ReadonlySet<string> = new Set(['AGENT_NOT_REACHED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELLED']);

/** Where an outbound call stands; `null` (not recorded yet) is still being placed. */
export function outboundProgressOf(call: CallDocument | null): OutboundProgress {
  if (call === null) return 'placing';
  // The server leaves out what is null: a running call has no endedAt and no outcome at all.
  const outcome = call.outcome ?? null;
  if (outcome !== null && FAILED_OUTCOMES.has(outcome)) return outcome as OutboundProgress;
  if ((call.endedAt ?? null) !== null) return 'ended';
  const kinds = new Set((call.steps ?? []).map((step) => step.kind));
  if (kinds.has('NumberAnswered')) return 'connected';
  if (kinds.has('NumberDialled') || kinds.has('AgentPickedUp')) return 'dialling';
  return kinds.has('OutboundCallPlaced') ? 'ringingAgent' : 'placing';
}

/** Whether nothing more happens to the outbound call. */
export function isOutboundOver(progress: OutboundProgress): boolean {
  return progress === 'ended' || FAILED_OUTCOMES.has(progress);
}

/** Audio a call can leave: both sides of the conversation, or the caller's message. */
export type CallAudio = 'recording' | 'voicemail';

/** Where a player fetches a call's recording or voicemail (the server answers byte ranges). */
export function callAudioUrl(callId: string, kind: CallAudio, base: string = API_BASE): string {
  return `${base}/calls/${encodeURIComponent(callId)}/${kind}`;
}

/** The audio a call has, in the order a supervisor listens to it. */
export function callAudioOf(call: Pick<CallDocument, 'hasRecording' | 'hasVoicemail'>): CallAudio[] {
  const audio: CallAudio[] = [];
  if (call.hasRecording === true) audio.push('recording');
  if (call.hasVoicemail === true) audio.push('voicemail');
  return audio;
}

/** A disposition an agent picks after a call (`GET /dispositions`). */
export interface Disposition {
  id: number;
  code: string;
  label: string;
  group: string | null;
  enabled: boolean;
}

export interface RetryOptions {
  /** How many times to ask in all. */
  attempts?: number;
  delayMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

/**
 * Asks until the answer is not 404: call records are written in batches, so a call that has just
 * started may be unknown for a second. Other failures, and the last 404, are thrown.
 */
export async function retryOn404<T>(request: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404 || attempt >= attempts || options.signal?.aborted) {
        throw error;
      }
    }
    await wait((options.delayMs ?? 1000) * attempt, options.signal);
  }
}

/** How a supervisor is in a call: hearing both, heard by the agent, or heard by everyone. */
export type SupervisionMode = 'listen' | 'whisper' | 'barge';

export class CallApi {
  constructor(private readonly client: ApiClient) {}

  /**
   * Places an outbound call from the agent's own phone to `number` (202 with the new call's id);
   * `agentId` for someone else's agent, by extension.
   */
  place(number: string, agentId?: string): Promise<{ callId: string; number: string }> {
    return this.client.post<{ callId: string; number: string }>('/calls', agentId === undefined ? { number } : { number, agentId });
  }

  /** Asks the node holding the call to hang it up (202); 409 when it has already ended. */
  hangUp(callId: string): Promise<unknown> {
    return this.client.delete(`/calls/${encodeURIComponent(callId)}`);
  }

  get(callId: string, signal?: AbortSignal): Promise<CallDocument> {
    return this.client.get<CallDocument>(`/calls/${encodeURIComponent(callId)}`, { signal });
  }

  /** The call, asking again a few times while it is not yet recorded (404). */
  getSoon(callId: string, options: RetryOptions = {}): Promise<CallDocument> {
    return retryOn404(() => this.get(callId, options.signal), options);
  }

  async active(signal?: AbortSignal): Promise<CallDocument[]> {
    const page = await this.client.get<Page<CallDocument>>(`/calls${queryString({ active: true, limit: MAX_PAGE_LIMIT })}`, { signal });
    return page.items;
  }

  setDisposition(callId: string, code: string): Promise<unknown> {
    return this.client.put(`/calls/${encodeURIComponent(callId)}/disposition`, { code });
  }

  /** The enabled dispositions offered in a group (all groups' ones when the group is not known). */
  async dispositions(group: string | null, signal?: AbortSignal): Promise<Disposition[]> {
    const query = queryString({ enabled: true, group: group ?? undefined, limit: MAX_PAGE_LIMIT });
    const page = await this.client.get<Page<Disposition>>(`/dispositions${query}`, { signal });
    return page.items;
  }

  /** Puts the connected caller on hold: music for it, silence for the agent (202); 409 when it cannot be. */
  hold(callId: string): Promise<unknown> {
    return this.client.post(`/calls/${encodeURIComponent(callId)}/hold`);
  }

  /** Takes the caller off hold: it talks to its agent again (202); 409 when it is not on hold. */
  resume(callId: string): Promise<unknown> {
    return this.client.post(`/calls/${encodeURIComponent(callId)}/resume`);
  }

  /** Consults a colleague (extension), a free agent of a group, or a number while the caller waits on hold (202). */
  consult(callId: string, target: { agent: string } | { group: string } | { number: string }): Promise<unknown> {
    return this.client.post(`/calls/${encodeURIComponent(callId)}/consultation`, target);
  }

  /**
   * A step of the consultation: complete (the caller goes to the colleague; in a conference the
   * agent leaves the other two talking), conference (all three talk), swap, or return to the caller (202).
   */
  consultationStep(callId: string, step: 'complete' | 'conference' | 'swap' | 'return'): Promise<unknown> {
    return this.client.post(`/calls/${encodeURIComponent(callId)}/consultation/${step}`);
  }

  /**
   * The supervisor listens in (`listen`), whispers to the agent (`whisper`: the caller never hears
   * it) or barges in (`barge`) on its own phone, which the node rings; posting again switches (202).
   */
  supervise(callId: string, mode: SupervisionMode): Promise<unknown> {
    return this.client.post(`/calls/${encodeURIComponent(callId)}/supervision`, { mode });
  }

  /** The supervisor leaves the call; caller and agent talk on (202). */
  endSupervision(callId: string): Promise<unknown> {
    return this.client.delete(`/calls/${encodeURIComponent(callId)}/supervision`);
  }

  /** Blind transfer of the connected call to a colleague, a group's queue or a number (202); the agent leaves the call. */
  transfer(callId: string, target: { agent: string } | { group: string } | { number: string }): Promise<unknown> {
    return this.client.post(`/calls/${encodeURIComponent(callId)}/transfer`, target);
  }

  /** The agent adds a third party (another agent's extension or an allowed number): rung, then all three talk (202). */
  conference(callId: string, target: { agent: string } | { number: string }): Promise<unknown> {
    return this.client.post(`/calls/${encodeURIComponent(callId)}/conference`, target);
  }

  /** An agent asks its supervisors for help (202). */
  askForHelp(extension: string, message: string): Promise<unknown> {
    return this.client.post(`/agents/${encodeURIComponent(extension)}/help`, { message });
  }
}
