import type { AgentStateDocument, AgentStateName, SoftphoneSettings } from './agents';
import type { ApiClient } from './client';
import { MAX_PAGE_LIMIT, queryString, type Page } from './page';

export const GROUP_STRATEGIES = [
  'LONGEST_IDLE',
  'ROUND_ROBIN',
  'RING_ALL',
  'FEWEST_CALLS',
  'LEAST_TALK_TIME',
  'RANDOM',
  'LINEAR',
  'SKILLS_BASED',
] as const;
export type GroupStrategy = (typeof GROUP_STRATEGIES)[number];

/**
 * A queue's figures since midnight (tenant time), counted by stats-service on the real-time
 * replica under the tenant's KPI definition; only in `GET /queues`, not in `queue` events.
 */
export interface QueueToday {
  offered: number;
  answered: number;
  /** Every abandoned call, short ones included. */
  abandoned: number;
  shortAbandoned?: number;
  answeredWithinTarget: number;
  /** The service level under the tenant's KPI definition; null before the first call that counts. */
  serviceLevelPercent: number | null;
  /** The same over the calls queued in the last 15 / 60 minutes; null when none counts. */
  serviceLevelLast15Percent?: number | null;
  serviceLevelLast60Percent?: number | null;
  asaSeconds?: number | null;
  longestWaitSeconds?: number;
  targetSeconds: number;
  targetPercent: number;
}

/** One ACD group's queue as the supervisor sees it (`GET /queues` item and `queue` event). */
export interface QueueItem {
  groupId: number;
  group: string;
  strategy: GroupStrategy | string;
  waiting: number;
  /** When the caller waiting longest entered the queue; null when nobody waits. */
  longestWaitSince: string | null;
  /** The group's members per state. */
  agents: Partial<Record<AgentStateName, number>>;
  today?: QueueToday | null;
}

export interface QueueList {
  items: QueueItem[];
  /** False while stats-service cannot give today's figures: the live queues are there, `today` is null. */
  todayAvailable?: boolean;
}

/** `GET /agents/states`. */
export interface AgentStateList {
  tenant: string;
  agents: AgentStateDocument[];
}

/** An agent's configuration as `GET /agents` lists it (what the supervisor needs of it). */
export interface AgentSummary {
  id: number;
  extension: string;
  displayName: string;
  enabled: boolean;
  /** The names of the groups the agent is a member of (when the server sends them). */
  groups?: string[];
  userLogin?: string | null;
}

/** An agent's call for help (`help-request` event). */
export interface HelpRequest {
  extension: string;
  displayName: string;
  message: string;
  at: string;
}

/** A caller entering or leaving a queue (`call` event). */
export interface CallQueueEvent {
  callId: string;
  event: 'QUEUED' | 'LEFT_QUEUE' | string;
  groupId: number;
  at: string;
}

/** A raised or cleared alarm (`alarm` event), also listed by `GET /health`. */
export interface AlarmEvent {
  code: string;
  active: boolean;
  message: string;
}

/** A configuration change (`config` event): what kind of thing, and which. */
export interface ConfigEvent {
  kind: string;
  id: number | string | null;
}

/** The distribution of one fairness figure over a period. */
export interface FairnessFigures {
  min: number;
  median: number;
  p90: number;
  max: number;
  mean: number;
  standardDeviation: number;
}

/** How evenly a group's calls went round its agents: `GET /groups/{id}/fairness`. */
export interface GroupFairnessDocument {
  groupId: number;
  group: string;
  from: string;
  to: string;
  fairness: {
    /** Every member (those offered nothing too) and every agent offered a call, in the group's order. */
    members: Array<{ extension: string; offers: number; medianIdleSeconds?: number }>;
    offers: number;
    offersPerAgent: FairnessFigures;
    idleAtOfferSeconds: FairnessFigures;
  };
}

/** What supervisors read and do: queues, agents' states, group membership. */
export class SupervisionApi {
  constructor(private readonly client: ApiClient) {}

  /** The signed-in supervisor's own browser softphone settings (404 without a supervisor phone). */
  softphone(signal?: AbortSignal): Promise<SoftphoneSettings> {
    return this.client.get<SoftphoneSettings>('/supervision/softphone', { signal });
  }

  async queues(signal?: AbortSignal): Promise<QueueItem[]> {
    const list = await this.queueList(signal);
    return list.items;
  }

  /** The queues with whether today's figures could be read. */
  async queueList(signal?: AbortSignal): Promise<QueueList> {
    const list = await this.client.get<QueueList>('/queues', { signal });
    return { ...list, todayAvailable: list.todayAvailable ?? true };
  }

  agentStates(signal?: AbortSignal): Promise<AgentStateList> {
    return this.client.get<AgentStateList>('/agents/states', { signal });
  }

  async agents(signal?: AbortSignal): Promise<AgentSummary[]> {
    const page = await this.client.get<Page<AgentSummary>>(`/agents${queryString({ limit: MAX_PAGE_LIMIT })}`, { signal });
    return page.items;
  }

  addMember(groupId: number, extension: string, penalty = 0): Promise<unknown> {
    return this.client.put(`/groups/${groupId}/members/${encodeURIComponent(extension)}`, { penalty });
  }

  removeMember(groupId: number, extension: string): Promise<unknown> {
    return this.client.delete(`/groups/${groupId}/members/${encodeURIComponent(extension)}`);
  }

  /** The group's fairness over the last 24 hours. */
  fairness(groupId: number, signal?: AbortSignal): Promise<GroupFairnessDocument> {
    return this.client.get<GroupFairnessDocument>(`/groups/${groupId}/fairness`, { signal });
  }
}
