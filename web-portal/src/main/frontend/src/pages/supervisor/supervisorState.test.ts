import { describe, expect, it } from 'vitest';
import type { AgentStateDocument } from '../../api/agents';
import type { QueueItem } from '../../api/supervision';
import {
  INITIAL_SUPERVISOR_STATE,
  agentRows,
  groupsOf,
  membershipsFrom,
  supervisorEventOf,
  supervisorReducer,
  type SupervisorAction,
  type SupervisorState,
} from './supervisorState';
import { serviceLevelStatus } from './serviceLevel';

function agent(extension: string, state: AgentStateDocument['state'], since: string, changes: Partial<AgentStateDocument> = {}): AgentStateDocument {
  return { tenant: 'demo', extension, state, since, reason: null, callId: null, ...changes };
}

function queue(groupId: number, group: string, waiting: number, changes: Partial<QueueItem> = {}): QueueItem {
  return { groupId, group, strategy: 'LONGEST_IDLE', waiting, longestWaitSince: null, agents: { READY: 1 }, ...changes };
}

const TODAY = { offered: 10, answered: 8, abandoned: 1, answeredWithinTarget: 7, serviceLevelPercent: 87.5, targetSeconds: 20, targetPercent: 80 };

function run(...actions: SupervisorAction[]): SupervisorState {
  return actions.reduce(supervisorReducer, INITIAL_SUPERVISOR_STATE);
}

const loaded: SupervisorAction = {
  type: 'loaded',
  queues: [queue(2, 'Support', 2, { today: TODAY }), queue(1, 'Sales', 0)],
  agents: [agent('1002', 'READY', '2026-11-25T09:00:00Z'), agent('1001', 'ON_CALL', '2026-11-25T09:05:00Z', { callId: 'c-1' })],
  directory: [{ id: 1, extension: '1001', displayName: 'Anna Berg', enabled: true, groups: ['Support'] }],
};

describe('the supervisor state', () => {
  it('shows the full read, queues by group name and agents by extension', () => {
    const state = run({ type: 'load-started' }, loaded);

    expect(state.loaded).toBe(true);
    expect(state.queues.map((q) => q.group)).toEqual(['Sales', 'Support']);
    expect(agentRows(state).map((a) => a.extension)).toEqual(['1001', '1002']);
    expect(state.directory['1001']?.displayName).toBe('Anna Berg');
  });

  it('applies an agent-state event', () => {
    const state = run(loaded, { type: 'event', event: { kind: 'agent-state', data: agent('1002', 'PAUSED', '2026-11-25T09:10:00Z', { reason: 'BREAK' }) } });

    expect(state.agents['1002']).toMatchObject({ state: 'PAUSED', reason: 'BREAK' });
  });

  it('adds an agent it did not know yet', () => {
    const state = run(loaded, { type: 'event', event: { kind: 'agent-state', data: agent('1003', 'READY', '2026-11-25T09:10:00Z') } });

    expect(agentRows(state).map((a) => a.extension)).toEqual(['1001', '1002', '1003']);
  });

  it('never takes an agent state older than the one shown', () => {
    const state = run(loaded, { type: 'event', event: { kind: 'agent-state', data: agent('1001', 'READY', '2026-11-25T08:00:00Z') } });

    expect(state.agents['1001']?.state).toBe('ON_CALL');
  });

  it('keeps the day figures when a queue event (which has none) arrives', () => {
    const state = run(loaded, {
      type: 'event',
      event: { kind: 'queue', data: queue(2, 'Support', 5, { longestWaitSince: '2026-11-25T10:00:00Z', agents: { READY: 0, ON_CALL: 2 } }) },
    });

    const support = state.queues.find((q) => q.groupId === 2)!;
    expect(support.waiting).toBe(5);
    expect(support.agents).toEqual({ READY: 0, ON_CALL: 2 });
    expect(support.today).toEqual(TODAY);
  });

  it('adds a queue that appears and keeps the order when a group is renamed', () => {
    const added = run(loaded, { type: 'event', event: { kind: 'queue', data: queue(3, 'Billing', 1) } });
    expect(added.queues.map((q) => q.group)).toEqual(['Billing', 'Sales', 'Support']);

    const renamed = supervisorReducer(added, { type: 'event', event: { kind: 'queue', data: queue(1, 'Worldwide sales', 0) } });
    expect(renamed.queues.map((q) => q.group)).toEqual(['Billing', 'Support', 'Worldwide sales']);
  });

  it('updates only the day figures from a later read of the queues', () => {
    const live = run(loaded, { type: 'event', event: { kind: 'queue', data: queue(2, 'Support', 7) } });
    const state = supervisorReducer(live, { type: 'today', queues: [queue(2, 'Support', 3, { today: { ...TODAY, offered: 11 } })] });

    const support = state.queues.find((q) => q.groupId === 2)!;
    expect(support.waiting).toBe(7);
    expect(support.today?.offered).toBe(11);
  });

  it('marks the day figures unavailable while stats-service cannot give them and keeps the live queue', () => {
    const live = run(loaded, { type: 'event', event: { kind: 'queue', data: queue(2, 'Support', 7) } });
    const state = supervisorReducer(live, { type: 'today', queues: [queue(2, 'Support', 3, { today: null })], todayAvailable: false });

    const support = state.queues.find((q) => q.groupId === 2)!;
    expect(state.todayAvailable).toBe(false);
    expect(support.waiting).toBe(7);
    expect(support.today).toBeNull();

    const back = supervisorReducer(state, { type: 'today', queues: [queue(2, 'Support', 3, { today: TODAY })], todayAvailable: true });
    expect(back.todayAvailable).toBe(true);
    expect(back.queues.find((q) => q.groupId === 2)?.today?.serviceLevelPercent).toBe(87.5);
  });

  it('a full read without the day figures does not show the last ones seen', () => {
    const state = run(loaded, { ...loaded, queues: [queue(2, 'Support', 2, { today: null })], todayAvailable: false } as SupervisorAction);

    expect(state.todayAvailable).toBe(false);
    expect(state.queues.find((q) => q.groupId === 2)?.today).toBeNull();
  });

  it('applies events that arrived during a read again on top of its answer', () => {
    const state = run(
      { type: 'load-started' },
      { type: 'event', event: { kind: 'queue', data: queue(1, 'Sales', 4) } },
      { type: 'event', event: { kind: 'agent-state', data: agent('1002', 'PAUSED', '2026-11-25T09:30:00Z', { reason: 'LUNCH' }) } },
      loaded,
    );

    expect(state.queues.find((q) => q.groupId === 1)?.waiting).toBe(4);
    expect(state.agents['1002']?.state).toBe('PAUSED');
    expect(state.pending).toEqual([]);
  });

  it('does not keep events once no read is on its way', () => {
    const state = run(loaded, { type: 'event', event: { kind: 'queue', data: queue(1, 'Sales', 4) } });
    expect(state.pending).toEqual([]);
  });

  it('forgets agents the next full read no longer has', () => {
    const state = run(loaded, { type: 'load-started' }, { ...loaded, agents: [agent('1001', 'READY', '2026-11-25T09:40:00Z')] } as SupervisorAction);
    expect(Object.keys(state.agents)).toEqual(['1001']);
  });

  it('lists help requests newest first, one per agent, until dismissed', () => {
    const ask = (extension: string, at: string, message: string): SupervisorAction => ({
      type: 'event',
      event: { kind: 'help-request', data: { extension, displayName: `Agent ${extension}`, message, at } },
    });
    const state = run(loaded, ask('1001', '2026-11-25T10:00:00Z', 'angry caller'), ask('1002', '2026-11-25T10:01:00Z', 'question'), ask('1001', '2026-11-25T10:02:00Z', 'still angry'));

    expect(state.helpRequests.map((r) => `${r.extension}:${r.message}`)).toEqual(['1001:still angry', '1002:question']);
    expect(supervisorReducer(state, { type: 'help-dismissed', extension: '1001' }).helpRequests.map((r) => r.extension)).toEqual(['1002']);
  });

  it('names an agent’s groups from the groups’ member lists, else from the agent', () => {
    const memberships = membershipsFrom([
      { name: 'Support', members: [{ extension: '1001' }, { extension: '1002' }] },
      { name: 'Billing', members: [{ extension: '1001' }] },
    ]);
    expect(memberships).toEqual({ '1001': ['Billing', 'Support'], '1002': ['Support'] });

    const withoutLists = run(loaded);
    expect(groupsOf(withoutLists, '1001')).toEqual(['Support']);
    const withLists = supervisorReducer(withoutLists, { type: 'memberships', memberships });
    expect(groupsOf(withLists, '1001')).toEqual(['Billing', 'Support']);
    expect(groupsOf(withLists, '1003')).toEqual([]);
  });

  it('reads stream events and ignores documents that do not fit', () => {
    expect(supervisorEventOf('agent-state', agent('1001', 'READY', '2026-11-25T09:00:00Z'))?.kind).toBe('agent-state');
    expect(supervisorEventOf('agent-state', { extension: '1001', state: 'DANCING' })).toBeNull();
    expect(supervisorEventOf('queue', { groupId: 1, group: 'Sales', waiting: 2 })).toMatchObject({ kind: 'queue', data: { agents: {} } });
    expect(supervisorEventOf('queue', { group: 'Sales' })).toBeNull();
    expect(supervisorEventOf('help-request', { extension: '1001', at: '2026-11-25T10:00:00Z' })).toMatchObject({
      data: { displayName: '1001', message: '' },
    });
  });
});

describe('service level colours', () => {
  it('compare with the target', () => {
    expect(serviceLevelStatus(87.5, 80)).toBe('met');
    expect(serviceLevelStatus(80, 80)).toBe('met');
    expect(serviceLevelStatus(72, 80)).toBe('close');
    expect(serviceLevelStatus(60, 80)).toBe('missed');
    expect(serviceLevelStatus(null, 80)).toBe('none');
  });
});
