import type { Role } from '../../api/session';
import type { TenantDocument } from '../../api/tenants';

/** Where this tab keeps the tenant the administration addresses, so a reload stays on it. */
export const ADMIN_TENANT_STORAGE_KEY = 'verbund.adminTenant';

/** Whether this user picks the tenant it configures: system administrators and resellers do. */
export function picksTenant(roles: readonly Role[]): boolean {
  return roles.includes('SYSTEM_ADMIN') || roles.includes('RESELLER');
}

/**
 * The tenants this user may configure, as the server allows it: a system administrator every
 * tenant, a reseller the tenants below it, and its own only where it is also that tenant's admin.
 */
export function manageableTenants(tenants: readonly TenantDocument[], roles: readonly Role[], ownTenant: string): TenantDocument[] {
  if (roles.includes('SYSTEM_ADMIN')) {
    return [...tenants];
  }
  return tenants.filter((tenant) =>
    tenant.key === ownTenant ? roles.includes('TENANT_ADMIN') : roles.includes('RESELLER') && tenant.reseller === ownTenant,
  );
}

/** The tenant to start at: the one picked before in this tab while it is still offered, else the user's own, else the first. */
export function initialTenant(tenants: readonly TenantDocument[], ownTenant: string, remembered: string | null): string | null {
  const offered = (key: string | null) => key !== null && tenants.some((tenant) => tenant.key === key);
  if (offered(remembered)) return remembered;
  if (offered(ownTenant)) return ownTenant;
  return tenants[0]?.key ?? null;
}

/** The section of an administration path, `/admin/groups/12` → `groups`; null outside one. */
export function sectionOf(pathname: string): string | null {
  return /^\/admin\/([^/]+)/.exec(pathname)?.[1] ?? null;
}
