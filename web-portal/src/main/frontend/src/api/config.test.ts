import { describe, expect, it } from 'vitest';
import { grantableRoles } from './config';

describe('the roles a user form offers', () => {
  it('offers RESELLER to a system administrator in a reseller tenant only', () => {
    expect(grantableRoles(['SYSTEM_ADMIN'], 'RESELLER', [])).toContain('RESELLER');
    expect(grantableRoles(['SYSTEM_ADMIN'], 'TENANT', [])).not.toContain('RESELLER');
    expect(grantableRoles(['TENANT_ADMIN'], 'RESELLER', [])).not.toContain('RESELLER');
    expect(grantableRoles(['RESELLER'], 'TENANT', [])).toEqual(['TENANT_ADMIN', 'SUPERVISOR', 'AGENT']);
  });

  it('shows RESELLER where a user holds it, and never SYSTEM_ADMIN', () => {
    expect(grantableRoles(['TENANT_ADMIN'], null, ['RESELLER'])).toContain('RESELLER');
    expect(grantableRoles(['SYSTEM_ADMIN'], 'RESELLER', [])).not.toContain('SYSTEM_ADMIN');
  });
});
