import { describe, expect, it, vi } from 'vitest';
import { ApiClient, withTenant, type FetchFunction } from './client';
import { ApiError } from './problem';
import { SessionApi } from './session';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records what it was asked and answers with the given responses in turn. */
function fakeFetch(...responses: Array<Response | Error>): FetchFunction & { calls: Call[] } {
  const calls: Call[] = [];
  const fetchFunction = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (next === undefined) {
      throw new Error(`unexpected request ${url}`);
    }
    if (next instanceof Error) {
      throw next;
    }
    return next;
  };
  return Object.assign(fetchFunction, { calls });
}

function problem(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

function json(body: object, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function header(call: Call | undefined, name: string): string | undefined {
  return (call?.init?.headers as Record<string, string> | undefined)?.[name];
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

const SESSION = {
  login: 'agent1001@demo',
  displayName: 'Agent 1001',
  tenant: 'demo',
  roles: ['AGENT'],
  agent: '1001',
  locale: 'de',
  csrfToken: 'token-1',
};

describe('ApiClient', () => {
  it('shows the detail of a problem+json answer', async () => {
    const fetch = fakeFetch(
      problem(409, { type: 'urn:verbund:agent-transition', title: 'Conflict', status: 409, detail: 'Agent 1001 is ON_CALL and cannot become READY' }),
    );
    const error = await failureOf(new ApiClient(fetch).put('/agents/1001/state', { state: 'READY' }));

    expect(error.status).toBe(409);
    expect(error.detail).toBe('Agent 1001 is ON_CALL and cannot become READY');
    expect(error.message).toBe('Agent 1001 is ON_CALL and cannot become READY');
    expect(error.problem?.type).toBe('urn:verbund:agent-transition');
  });

  it('falls back to the title when a problem has no detail', async () => {
    const fetch = fakeFetch(problem(429, { title: 'Too many login attempts', status: 429 }));
    const error = await failureOf(new ApiClient(fetch).post('/session', { login: 'x', password: 'y' }));

    expect(error.status).toBe(429);
    expect(error.detail).toBe('Too many login attempts');
  });

  it('has no detail for an error that is not a problem document', async () => {
    const fetch = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = await failureOf(new ApiClient(fetch).get('/pause-reasons'));

    expect(error.status).toBe(502);
    expect(error.problem).toBeNull();
    expect(error.detail).toBeNull();
    expect(error.message).toContain('HTTP 502');
  });

  it('survives a problem+json answer whose body is not JSON', async () => {
    const fetch = fakeFetch(new Response('oops', { status: 500, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = await failureOf(new ApiClient(fetch).get('/session'));

    expect(error.status).toBe(500);
    expect(error.detail).toBeNull();
  });

  it('reports an unreachable server as status 0', async () => {
    const fetch = fakeFetch(new TypeError('Failed to fetch'));
    const error = await failureOf(new ApiClient(fetch).get('/session'));

    expect(error.isNetworkFailure).toBe(true);
    expect(error.detail).toBeNull();
  });

  it('tells its listeners when the server answers 401', async () => {
    const fetch = fakeFetch(problem(401, { title: 'Unauthorized', status: 401, detail: 'Please log in' }));
    const client = new ApiClient(fetch);
    const listener = vi.fn();
    client.onUnauthorized(listener);

    await failureOf(client.get('/agents/1001/state'));

    expect(listener).toHaveBeenCalledOnce();
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const fetch = fakeFetch(json({}), json({}), new Response(null, { status: 204 }));
    const client = new ApiClient(fetch);
    client.setCsrfToken('token-1');

    await client.get('/agents/1001/state');
    await client.put('/agents/1001/state', { state: 'READY' });
    await client.delete('/session');

    expect(header(fetch.calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(header(fetch.calls[1], 'X-CSRF-Token')).toBe('token-1');
    expect(header(fetch.calls[1], 'Content-Type')).toBe('application/json');
    expect(fetch.calls[1]?.init?.body).toBe('{"state":"READY"}');
    expect(fetch.calls[1]?.init?.credentials).toBe('same-origin');
    expect(header(fetch.calls[2], 'X-CSRF-Token')).toBe('token-1');
    expect(fetch.calls.map((call) => call.url)).toEqual(['/api/v1/agents/1001/state', '/api/v1/agents/1001/state', '/api/v1/session']);
  });

  it('resolves an empty 204 answer with undefined', async () => {
    const fetch = fakeFetch(new Response(null, { status: 204 }));

    await expect(new ApiClient(fetch).delete('/session')).resolves.toBeUndefined();
  });
});

describe('SessionApi', () => {
  it('keeps the CSRF token of a new session for later requests', async () => {
    const fetch = fakeFetch(json(SESSION), json({}));
    const client = new ApiClient(fetch);

    const session = await new SessionApi(client).logIn('agent1001@demo', 'demo-1001');
    await client.put('/agents/1001/state', { state: 'READY' });

    expect(session.agent).toBe('1001');
    expect(fetch.calls[0]?.init?.method).toBe('POST');
    expect(fetch.calls[0]?.init?.body).toBe('{"login":"agent1001@demo","password":"demo-1001"}');
    expect(header(fetch.calls[1], 'X-CSRF-Token')).toBe('token-1');
  });

  it('re-reads the CSRF token when the app starts', async () => {
    const fetch = fakeFetch(json({ ...SESSION, csrfToken: 'token-2' }), json({}));
    const client = new ApiClient(fetch);

    await new SessionApi(client).current();
    await client.put('/agents/1001/state', { state: 'READY' });

    expect(header(fetch.calls[1], 'X-CSRF-Token')).toBe('token-2');
  });

  it('answers null when nobody is logged in', async () => {
    const fetch = fakeFetch(problem(401, { title: 'Unauthorized', status: 401 }));

    await expect(new SessionApi(new ApiClient(fetch)).current()).resolves.toBeNull();
  });

  it('passes the detail of a refused login on', async () => {
    const fetch = fakeFetch(problem(401, { title: 'Unauthorized', status: 401, detail: 'Wrong user name or password' }));
    const error = await failureOf(new SessionApi(new ApiClient(fetch)).logIn('agent1001@demo', 'wrong'));

    expect(error.detail).toBe('Wrong user name or password');
  });

  it('forgets the CSRF token on logout', async () => {
    const fetch = fakeFetch(json(SESSION), new Response(null, { status: 204 }), json({}));
    const client = new ApiClient(fetch);
    const sessions = new SessionApi(client);

    await sessions.logIn('agent1001@demo', 'demo-1001');
    await sessions.logOut();
    await client.post('/session', { login: 'a', password: 'b' });

    expect(header(fetch.calls[2], 'X-CSRF-Token')).toBeUndefined();
  });
});

describe('ApiClient addressing a tenant and a language', () => {
  it('adds the tenant to the query, where the path names none itself', () => {
    expect(withTenant('/groups', 'acme')).toBe('/groups?tenant=acme');
    expect(withTenant('/groups?limit=5', 'acme')).toBe('/groups?limit=5&tenant=acme');
    expect(withTenant('/prompts?tenant=demo', 'acme')).toBe('/prompts?tenant=demo');
    expect(withTenant('/groups', null)).toBe('/groups');
  });

  it('names the picked tenant on every request of the administration client only', async () => {
    const fetchFunction = fakeFetch(json(SESSION), json({ items: [] }), json({ items: [] }));
    const client = new ApiClient(fetchFunction);
    const admin = client.sameSession();
    await new SessionApi(client).logIn('sysadmin', 'secret');
    admin.addressTenant('acme');
    await admin.get('/groups');
    await client.get('/groups');
    expect(fetchFunction.calls.map((call) => call.url)).toEqual(['/api/v1/session', '/api/v1/groups?tenant=acme', '/api/v1/groups']);
  });

  it('shares the session token and sends the app language as Accept-Language', async () => {
    const fetchFunction = fakeFetch(json(SESSION), json({}), json({}));
    const client = new ApiClient(fetchFunction);
    const admin = client.sameSession();
    await new SessionApi(client).logIn('sysadmin', 'secret');
    await admin.post('/groups', { name: 'x' });
    expect(header(fetchFunction.calls[1], 'X-CSRF-Token')).toBe('token-1');
    expect(header(fetchFunction.calls[1], 'Accept-Language')).toBeUndefined();
    client.setLanguage('de');
    await admin.get('/groups');
    expect(header(fetchFunction.calls[2], 'Accept-Language')).toBe('de');
  });
});
