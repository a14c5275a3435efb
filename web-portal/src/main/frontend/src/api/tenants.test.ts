import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { fieldProblemsOf, formErrorsOf } from './fieldErrors';
import { ApiError } from './problem';
import { mayChangeTransferNumbers, patternProblem, TenantApi, transferNumbersRequest, type TenantDocument } from './tenants';

const DEMO: TenantDocument = {
  id: 2,
  key: 'demo',
  name: 'Demo GmbH',
  kind: 'TENANT',
  reseller: null,
  maxChannels: 30,
  timeZone: 'Europe/Berlin',
  defaultLocale: 'de',
  enabled: true,
  transferNumbers: ['+49*'],
  outboundCallerId: '+4930500100',
  version: 4,
};

describe('mayChangeTransferNumbers', () => {
  it('lets a system administrator change every tenant, a reseller only its tenants, a tenant admin none', () => {
    expect(mayChangeTransferNumbers(['SYSTEM_ADMIN'], 'system', 'demo')).toBe(true);
    expect(mayChangeTransferNumbers(['RESELLER', 'TENANT_ADMIN'], 'partner', 'demo')).toBe(true);
    expect(mayChangeTransferNumbers(['RESELLER', 'TENANT_ADMIN'], 'partner', 'partner')).toBe(false);
    expect(mayChangeTransferNumbers(['TENANT_ADMIN'], 'demo', 'demo')).toBe(false);
  });
});

describe('patternProblem', () => {
  it('refuses an empty pattern and one already listed, and leaves the form to the server', () => {
    expect(patternProblem(['+49*'], '  ')).toBe('empty');
    expect(patternProblem(['+49*'], ' +49* ')).toBe('duplicate');
    expect(patternProblem(['+49*'], '+4930*')).toBeNull();
    expect(patternProblem(['+49*'], '*')).toBeNull();
  });
});

describe('transferNumbersRequest', () => {
  it('keeps the tenant as it was read and changes only the patterns, naming the version it was read at', () => {
    expect(transferNumbersRequest(DEMO, ['+49*', ' +4330* '])).toEqual({
      key: 'demo',
      name: 'Demo GmbH',
      kind: 'TENANT',
      reseller: null,
      maxChannels: 30,
      timeZone: 'Europe/Berlin',
      defaultLocale: 'de',
      enabled: true,
      transferNumbers: ['+49*', '+4330*'],
      outboundCallerId: '+4930500100',
      version: 4,
    });
  });

  it('changes the outbound caller ID, or clears it with an empty text', () => {
    expect(transferNumbersRequest(DEMO, ['+49*'], ' +4930500200 ')).toMatchObject({ outboundCallerId: '+4930500200' });
    expect(transferNumbersRequest(DEMO, ['+49*'], '')).toMatchObject({ outboundCallerId: '' });
  });
});

describe('TenantApi', () => {
  it('lists the tenants in one page', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ items: [DEMO], total: 1, offset: 0, limit: 500 }), { status: 200 }));
    expect(await new TenantApi(new ApiClient(fetch)).list()).toEqual([DEMO]);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/tenants?limit=500');
  });

  it('puts the patterns to the tenant and hands a refused pattern back as a problem of the field', async () => {
    const problem = {
      type: 'https://verbund.io/problems/invalid-fields',
      title: 'Invalid fields',
      status: 422,
      errors: [{ field: 'transferNumbers', message: "'*' is no number pattern" }],
    };
    const fetch = vi.fn(
      async () => new Response(JSON.stringify(problem), { status: 422, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const failure = await new TenantApi(new ApiClient(fetch)).saveTransferNumbers(DEMO, ['+49*', '*']).catch((error: unknown) => error);

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/tenants/demo');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toMatchObject({ transferNumbers: ['+49*', '*'], version: 4 });
    expect(failure).toBeInstanceOf(ApiError);
    expect(formErrorsOf(fieldProblemsOf(failure), ['transferNumbers'])).toEqual({
      fields: { transferNumbers: "'*' is no number pattern" },
      summary: [],
    });
  });
});
