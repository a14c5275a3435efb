import type { Role } from '../api/session';

export type NavLabelKey = 'nav.agent' | 'nav.supervisor' | 'nav.wallboard' | 'nav.reports' | 'nav.admin';

export interface NavItem {
  path: string;
  labelKey: NavLabelKey;
  /** Users with any of these roles see the item and may open the page. */
  roles: readonly Role[];
  testId: string;
}

/**
 * The app's pages and who uses them, in the order of the navigation. The server checks every
 * request itself; this only keeps users from pages that would show them nothing but 403s.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/agent', labelKey: 'nav.agent', roles: ['AGENT'], testId: 'nav-agent' },
  { path: '/supervisor', labelKey: 'nav.supervisor', roles: ['SUPERVISOR', 'TENANT_ADMIN'], testId: 'nav-supervisor' },
  { path: '/wallboard', labelKey: 'nav.wallboard', roles: ['SUPERVISOR', 'TENANT_ADMIN'], testId: 'nav-wallboard' },
  { path: '/reports', labelKey: 'nav.reports', roles: ['SUPERVISOR', 'TENANT_ADMIN'], testId: 'nav-reports' },
  { path: '/admin', labelKey: 'nav.admin', roles: ['TENANT_ADMIN', 'RESELLER', 'SYSTEM_ADMIN'], testId: 'nav-admin' },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** Where a user lands after login: the first page of their navigation, or null if none is theirs. */
export function homePathFor(roles: readonly Role[]): string | null {
  return navigationFor(roles)[0]?.path ?? null;
}

/** Whether the path (e.g. a deep link kept across the login) is a page this user may open. */
export function mayOpen(path: string, roles: readonly Role[]): boolean {
  return navigationFor(roles).some((item) => path === item.path || path.startsWith(`${item.path}/`));
}
