import { describe, expect, it } from 'vitest';
import type { TenantDocument } from '../../api/tenants';
import { initialTenant, manageableTenants, picksTenant, sectionOf } from './adminTenant';

function tenant(key: string, kind = 'TENANT', reseller: string | null = null): TenantDocument {
  return { id: key.length, key, name: key.toUpperCase(), kind, reseller, maxChannels: null, timeZone: null, defaultLocale: null, enabled: true, transferNumbers: [], version: 0 };
}

const ALL = [tenant('system', 'SYSTEM'), tenant('partner', 'RESELLER'), tenant('demo'), tenant('shop', 'TENANT', 'partner'), tenant('acme')];

describe('the administration tenant', () => {
  it('is picked by system administrators and resellers only', () => {
    expect(picksTenant(['SYSTEM_ADMIN'])).toBe(true);
    expect(picksTenant(['RESELLER'])).toBe(true);
    expect(picksTenant(['TENANT_ADMIN', 'SUPERVISOR'])).toBe(false);
  });

  it('offers a system administrator every tenant', () => {
    expect(manageableTenants(ALL, ['SYSTEM_ADMIN'], 'system').map((t) => t.key)).toEqual(['system', 'partner', 'demo', 'shop', 'acme']);
  });

  it('offers a reseller the tenants below it, not its own nor anyone else', () => {
    expect(manageableTenants(ALL, ['RESELLER'], 'partner').map((t) => t.key)).toEqual(['shop']);
    expect(manageableTenants(ALL, ['RESELLER', 'TENANT_ADMIN'], 'partner').map((t) => t.key)).toEqual(['partner', 'shop']);
  });

  it('starts at the tenant picked before while it is offered, else the own, else the first', () => {
    expect(initialTenant(ALL, 'system', 'demo')).toBe('demo');
    expect(initialTenant(ALL, 'system', 'gone')).toBe('system');
    expect(initialTenant([tenant('shop')], 'partner', null)).toBe('shop');
    expect(initialTenant([], 'partner', null)).toBeNull();
  });

  it('reads the section of a path', () => {
    expect(sectionOf('/admin/groups/12')).toBe('groups');
    expect(sectionOf('/admin/users')).toBe('users');
    expect(sectionOf('/admin')).toBeNull();
  });
});
