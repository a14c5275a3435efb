import type { AgentStateDocument } from '../../api/agents';
import type { AgentSummary, HelpRequest, QueueItem } from '../../api/supervision';
import { isAgentStateDocument } from '../agent/agentStateDocument';

/** A live change the supervisor page applies (from the event stream). */
export type SupervisorEvent =
  | { kind: 'agent-state'; data: AgentStateDocument }
  | { kind: 'queue'; data: QueueItem }
  | { kind: 'help-request'; data: HelpRequest };

/** Group membership as the supervisor page shows it: extension → the group names it belongs to. */
export type Memberships = Record<string, string[]>;

export interface SupervisorState {
  /** The supervised groups' queues, by group name. */
  queues: QueueItem[];
  /** Live states by extension. */
  agents: Record<string, AgentStateDocument>;
  /** Names (and groups, when the server sends them) by extension. */
  directory: Record<string, AgentSummary>;
  /** Group names per extension, from the groups' member lists. */
  memberships: Memberships | null;
  /** Open help requests, newest first, one per agent. */
  helpRequests: HelpRequest[];
  /** A full read is on its way: events arriving meanwhile are kept and applied again on top of it. */
  loading: boolean;
  /** Whether a full read ever succeeded. */
  loaded: boolean;
  /** False while stats-service could not give today's figures at the last read. */
  todayAvailable: boolean;
  pending: SupervisorEvent[];
}

export type SupervisorAction =
  | { type: 'load-started' }
  | {
      type: 'loaded';
      queues: QueueItem[];
      agents: AgentStateDocument[];
      directory?: AgentSummary[];
      memberships?: Memberships | null;
      todayAvailable?: boolean;
    }
  | { type: 'load-failed' }
  | { type: 'event'; event: SupervisorEvent }
  | { type: 'memberships'; memberships: Memberships }
  | { type: 'today'; queues: QueueItem[]; todayAvailable?: boolean }
  | { type: 'help-dismissed'; extension: string };

export const INITIAL_SUPERVISOR_STATE: SupervisorState = {
  queues: [],
  agents: {},
  directory: {},
  memberships: null,
  helpRequests: [],
  loading: false,
  loaded: false,
  todayAvailable: true,
  pending: [],
};

/** The most help requests kept; older ones fall off. */
const MAX_HELP_REQUESTS = 50;

function byGroupName(a: QueueItem, b: QueueItem): number {
  return a.group.localeCompare(b.group) || a.groupId - b.groupId;
}

/** A document replaces the shown one unless it is older (answers and events may overtake each other). */
function newerOrSame(shown: AgentStateDocument | undefined, incoming: AgentStateDocument): boolean {
  if (shown === undefined) return true;
  const shownSince = Date.parse(shown.since);
  const incomingSince = Date.parse(incoming.since);
  return Number.isNaN(shownSince) || Number.isNaN(incomingSince) || incomingSince >= shownSince;
}

function applyEvent(state: SupervisorState, event: SupervisorEvent): SupervisorState {
  switch (event.kind) {
    case 'agent-state': {
      const incoming = event.data;
      if (!newerOrSame(state.agents[incoming.extension], incoming)) return state;
      return { ...state, agents: { ...state.agents, [incoming.extension]: incoming } };
    }
    case 'queue': {
      const incoming = event.data;
      const index = state.queues.findIndex((queue) => queue.groupId === incoming.groupId);
      if (index < 0) {
        return { ...state, queues: [...state.queues, { ...incoming, today: incoming.today ?? null }].sort(byGroupName) };
      }
      const shown = state.queues[index]!;
      // The event carries no `today`: the day's figures stay until the next full read.
      const merged: QueueItem = { ...shown, ...incoming, today: incoming.today ?? shown.today ?? null };
      const queues = [...state.queues];
      queues[index] = merged;
      return { ...state, queues: shown.group === merged.group ? queues : queues.sort(byGroupName) };
    }
    case 'help-request': {
      const others = state.helpRequests.filter((request) => request.extension !== event.data.extension);
      const helpRequests = [event.data, ...others].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, MAX_HELP_REQUESTS);
      return { ...state, helpRequests };
    }
  }
}

/**
 * The supervisor page's state: a full read (`GET /queues`, `/agents/states`) and the events
 * applied on top. Events that arrive while a read is on its way are applied at once and again on
 * top of the read's answer, since the answer may have been made before them; an agent's state
 * older than the one shown is never taken.
 */
export function supervisorReducer(state: SupervisorState, action: SupervisorAction): SupervisorState {
  switch (action.type) {
    case 'load-started':
      return { ...state, loading: true, pending: [] };
    case 'loaded': {
      const agents: Record<string, AgentStateDocument> = {};
      for (const agent of action.agents) {
        agents[agent.extension] = agent;
      }
      // Figures stats-service could not give are shown as unavailable, not as the last ones seen.
      const previousToday = new Map(state.queues.map((queue) => [queue.groupId, queue.today]));
      const queues = action.queues
        .map((queue) => ({ ...queue, today: action.todayAvailable === false ? null : (queue.today ?? previousToday.get(queue.groupId) ?? null) }))
        .sort(byGroupName);
      const directory =
        action.directory === undefined ? state.directory : Object.fromEntries(action.directory.map((agent) => [agent.extension, agent]));
      const memberships = action.memberships === undefined ? state.memberships : action.memberships;
      const todayAvailable = action.todayAvailable ?? true;
      const fresh: SupervisorState = { ...state, queues, agents, directory, memberships, todayAvailable, loading: false, loaded: true, pending: [] };
      return state.pending.reduce(applyEvent, fresh);
    }
    case 'load-failed':
      return { ...state, loading: false, pending: [] };
    case 'event': {
      const applied = applyEvent(state, action.event);
      return state.loading ? { ...applied, pending: [...state.pending, action.event] } : applied;
    }
    case 'memberships':
      return { ...state, memberships: action.memberships };
    case 'today': {
      // Only the day's figures: the live ones (waiting, agents) come from events and may be newer.
      if (action.todayAvailable === false) {
        return { ...state, todayAvailable: false, queues: state.queues.map((queue) => ({ ...queue, today: null })) };
      }
      const today = new Map(action.queues.map((queue) => [queue.groupId, queue.today]));
      return {
        ...state,
        todayAvailable: true,
        queues: state.queues.map((queue) => {
          const figures = today.get(queue.groupId);
          return figures == null ? queue : { ...queue, today: figures };
        }),
      };
    }
    case 'help-dismissed':
      return { ...state, helpRequests: state.helpRequests.filter((request) => request.extension !== action.extension) };
  }
}

/** The agents to list: every agent with a state, by extension. */
export function agentRows(state: SupervisorState): AgentStateDocument[] {
  return Object.values(state.agents).sort((a, b) => a.extension.localeCompare(b.extension, undefined, { numeric: true }));
}

/** The groups an agent is in: from the groups' member lists, else from the agent's own list. */
export function groupsOf(state: SupervisorState, extension: string): string[] {
  return state.memberships?.[extension] ?? state.directory[extension]?.groups ?? [];
}

/** Group names per member extension, from the groups' documents. */
export function membershipsFrom(groups: ReadonlyArray<{ name: string; members: ReadonlyArray<{ extension: string }> }>): Memberships {
  const memberships: Memberships = {};
  for (const group of groups) {
    for (const member of group.members) {
      (memberships[member.extension] ??= []).push(group.name);
    }
  }
  for (const names of Object.values(memberships)) {
    names.sort((a, b) => a.localeCompare(b));
  }
  return memberships;
}

/** Reads a `queue` event's document, or null when it is not one. */
export function asQueueItem(value: unknown): QueueItem | null {
  if (value === null || typeof value !== 'object') return null;
  const item = value as Record<string, unknown>;
  if (typeof item.groupId !== 'number' || typeof item.group !== 'string' || typeof item.waiting !== 'number') return null;
  return { ...(item as unknown as QueueItem), agents: (item.agents as QueueItem['agents'] | undefined) ?? {} };
}

/** Reads a `help-request` event's document, or null when it is not one. */
export function asHelpRequest(value: unknown): HelpRequest | null {
  if (value === null || typeof value !== 'object') return null;
  const request = value as Record<string, unknown>;
  if (typeof request.extension !== 'string') return null;
  return {
    extension: request.extension,
    displayName: typeof request.displayName === 'string' ? request.displayName : request.extension,
    message: typeof request.message === 'string' ? request.message : '',
    at: typeof request.at === 'string' ? request.at : new Date().toISOString(),
  };
}

/** Turns a named stream event into a supervisor event, or null when its data does not fit. */
export function supervisorEventOf(name: 'agent-state' | 'queue' | 'help-request', data: unknown): SupervisorEvent | null {
  switch (name) {
    case 'agent-state':
      return isAgentStateDocument(data) ? { kind: 'agent-state', data } : null;
    case 'queue': {
      const item = asQueueItem(data);
      return item === null ? null : { kind: 'queue', data: item };
    }
    case 'help-request': {
      const request = asHelpRequest(data);
      return request === null ? null : { kind: 'help-request', data: request };
    }
  }
}
