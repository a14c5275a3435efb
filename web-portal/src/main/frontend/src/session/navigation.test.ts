import { describe, expect, it } from 'vitest';
import { homePathFor, mayOpen, navigationFor } from './navigation';

describe('navigation by role', () => {
  it('gives an agent the agent desktop only', () => {
    expect(navigationFor(['AGENT']).map((item) => item.path)).toEqual(['/agent']);
    expect(homePathFor(['AGENT'])).toBe('/agent');
  });

  it('gives a supervisor the supervisor page, the wallboard and the reports', () => {
    expect(navigationFor(['SUPERVISOR']).map((item) => item.path)).toEqual(['/supervisor', '/wallboard', '/reports']);
    expect(homePathFor(['SUPERVISOR'])).toBe('/supervisor');
  });

  it('gives a tenant admin supervision, reports and administration', () => {
    expect(navigationFor(['TENANT_ADMIN']).map((item) => item.path)).toEqual(['/supervisor', '/wallboard', '/reports', '/admin']);
  });

  it('gives a system admin the administration', () => {
    expect(navigationFor(['SYSTEM_ADMIN']).map((item) => item.path)).toEqual(['/admin']);
    expect(mayOpen('/admin/tenants/demo', ['SYSTEM_ADMIN'])).toBe(true);
    expect(mayOpen('/agent', ['SYSTEM_ADMIN'])).toBe(false);
  });

  it('joins the pages of several roles without repeating one', () => {
    expect(navigationFor(['AGENT', 'SUPERVISOR', 'TENANT_ADMIN']).map((item) => item.path)).toEqual([
      '/agent',
      '/supervisor',
      '/wallboard',
      '/reports',
      '/admin',
    ]);
  });

  it('takes a reseller to the administration of its tenants', () => {
    expect(homePathFor(['RESELLER'])).toBe('/admin');
    expect(mayOpen('/supervisor', ['RESELLER'])).toBe(false);
  });

  it('does not take a longer path for a page', () => {
    expect(mayOpen('/agents', ['AGENT'])).toBe(false);
  });
});
