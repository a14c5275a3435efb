import { describe, expect, it } from 'vitest';
import { AGENT_STATES, AgentApi, allowedRequests, forceEffect, supervisorChoice, supervisorRequests, type AgentStateName, type AgentStateRequest } from './agents';
import { ApiClient, type FetchFunction } from './client';

const REQUESTS: AgentStateRequest[] = [{ state: 'READY' }, { state: 'PAUSED', reason: 'BREAK' }, { state: 'LOGGED_OUT' }];

describe('forceEffect', () => {
  it('names what forcing does to the call that has the agent', () => {
    const effects = Object.fromEntries(AGENT_STATES.map((state) => [state, forceEffect(state)]));

    expect(effects).toEqual({
      LOGGED_OUT: null,
      READY: null,
      PAUSED: null,
      RESERVED: 'WITHDRAWS_OFFER',
      RINGING: 'WITHDRAWS_OFFER',
      ON_CALL: 'ENDS_CALL',
      // acd-core lets a person leave wrap-up without force.
      WRAP_UP: null,
    });
  });
});

describe('supervisorRequests', () => {
  it('offers every change, forced, while a call has the agent', () => {
    expect(supervisorRequests('RESERVED')).toEqual({ ready: true, pause: true, logOut: true, force: 'WITHDRAWS_OFFER' });
    expect(supervisorRequests('RINGING')).toEqual({ ready: true, pause: true, logOut: true, force: 'WITHDRAWS_OFFER' });
    expect(supervisorRequests('ON_CALL')).toEqual({ ready: true, pause: true, logOut: true, force: 'ENDS_CALL' });
  });

  it('offers what the agent itself may do, unforced, from the other states', () => {
    expect(supervisorRequests('LOGGED_OUT')).toEqual({ ready: true, pause: true, logOut: false, force: null });
    expect(supervisorRequests('READY')).toEqual({ ready: false, pause: true, logOut: true, force: null });
    expect(supervisorRequests('PAUSED')).toEqual({ ready: true, pause: true, logOut: true, force: null });
    expect(supervisorRequests('WRAP_UP')).toEqual({ ready: true, pause: true, logOut: true, force: null });
  });

  it('leaves the agent desktop without force', () => {
    for (const state of ['RESERVED', 'RINGING', 'ON_CALL'] as const) {
      expect(allowedRequests(state)).toEqual({ ready: false, pause: false, logOut: false });
    }
  });
});

describe('supervisorChoice', () => {
  const ENGAGED: Array<[AgentStateName, string]> = [
    ['RESERVED', 'WITHDRAWS_OFFER'],
    ['RINGING', 'WITHDRAWS_OFFER'],
    ['ON_CALL', 'ENDS_CALL'],
  ];

  it('asks for confirmation and forces every change while a call has the agent', () => {
    for (const [state, effect] of ENGAGED) {
      for (const request of REQUESTS) {
        expect(supervisorChoice(state, request)).toEqual({ request: { ...request, force: true }, confirm: effect });
      }
    }
  });

  it('forces an ON_CALL agent out only after confirmation', () => {
    expect(supervisorChoice('ON_CALL', { state: 'LOGGED_OUT' })).toEqual({
      request: { state: 'LOGGED_OUT', force: true },
      confirm: 'ENDS_CALL',
    });
  });

  it('sends at once and unforced from the other states', () => {
    for (const state of ['LOGGED_OUT', 'READY', 'PAUSED', 'WRAP_UP'] as const) {
      for (const request of REQUESTS) {
        expect(supervisorChoice(state, request)).toEqual({ request, confirm: null });
      }
    }
    expect(supervisorChoice('READY', { state: 'LOGGED_OUT' }).request).toStrictEqual({ state: 'LOGGED_OUT' });
  });

  it('drops a force the state does not need', () => {
    expect(supervisorChoice('PAUSED', { state: 'READY', force: true }).request).toStrictEqual({ state: 'READY' });
  });
});

describe('AgentApi.change', () => {
  it('sends force in the body', async () => {
    const bodies: unknown[] = [];
    const fetch: FetchFunction = async (_url, init) => {
      bodies.push(init?.body);
      return new Response(null, { status: 204 });
    };

    await new AgentApi(new ApiClient(fetch)).change('1001', { state: 'PAUSED', reason: 'BREAK', force: true });
    await new AgentApi(new ApiClient(fetch)).change('1001', { state: 'LOGGED_OUT' });

    expect(bodies).toEqual(['{"state":"PAUSED","reason":"BREAK","force":true}', '{"state":"LOGGED_OUT"}']);
  });
});
