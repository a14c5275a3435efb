import { describe, expect, it, vi } from 'vitest';
import { AuditApi, describeSummary } from './audit';
import { ApiClient } from './client';

describe('describeSummary', () => {
  it('shows each changed field with its old and new value', () => {
    expect(describeSummary({ changed: { wrapUpSeconds: { from: 30, to: 45 }, name: { from: 'A', to: 'B' } } })).toBe(
      'wrapUpSeconds: 30 → 45; name: A → B',
    );
  });

  it('names a secret that changed without a value, and secrets a request set', () => {
    expect(describeSummary({ changed: { secret: '***' }, secretsSet: ['password'] })).toBe('secret: ***; password set');
  });

  it('names what was created or deleted by its name, else lists its fields', () => {
    expect(describeSummary({ created: { id: 7, name: 'Billing' } })).toBe('Billing');
    expect(describeSummary({ deleted: { caller: '****67', calls: 2 } })).toBe('caller: ****67, calls: 2');
  });

  it('is empty for an empty summary', () => {
    expect(describeSummary({})).toBe('');
  });
});

describe('AuditApi', () => {
  it('asks for the filters it is given and leaves the rest out', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ items: [], total: 0, offset: 0, limit: 50 }), { status: 200 }));
    await new AuditApi(new ApiClient(fetch)).list({ actor: 'admin', entityType: 'group', from: '', offset: 50 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/audit?actor=admin&entityType=group&offset=50');
  });
});
