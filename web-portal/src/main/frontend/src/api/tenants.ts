import type { ApiClient } from './client';
import { MAX_PAGE_LIMIT, type Page } from './page';
import type { Role } from './session';

/** A tenant as `GET /tenants/{key}` answers it. */
export interface TenantDocument {
  id: number;
  key: string;
  name: string;
  kind: string;
  reseller: string | null;
  maxChannels: number | null;
  timeZone: string | null;
  defaultLocale: string | null;
  enabled: boolean;
  /** Patterns of the external numbers its calls may be transferred to: `+4930*`, `+49301234xxx`. */
  transferNumbers: string[];
  /** The E.164 number its outbound calls present; null: it places none. */
  outboundCallerId?: string | null;
  version: number;
  updatedAt?: string;
}

/**
 * Whether this user may change the tenant's transfer numbers: a system administrator any tenant's,
 * a reseller its tenants' (not its own); a tenant's own admins only read them (the server refuses
 * them with 403, as the numbers decide what the installation pays for).
 */
export function mayChangeTransferNumbers(roles: readonly Role[], ownTenant: string, tenantKey: string): boolean {
  return roles.includes('SYSTEM_ADMIN') || (roles.includes('RESELLER') && tenantKey !== ownTenant);
}

/** Why a pattern cannot be added to the list before it is sent; null when it can. The server checks its form. */
export type PatternProblem = 'empty' | 'duplicate';

export function patternProblem(patterns: readonly string[], pattern: string): PatternProblem | null {
  const text = pattern.trim();
  if (text === '') return 'empty';
  return patterns.includes(text) ? 'duplicate' : null;
}

/**
 * The `PUT /tenants/{key}` body that changes only the transfer numbers and the outbound caller ID
 * ("" for none), made from the tenant as it was read.
 */
export function transferNumbersRequest(tenant: TenantDocument, patterns: readonly string[], outboundCallerId: string = tenant.outboundCallerId ?? '') {
  return {
    key: tenant.key,
    name: tenant.name,
    kind: tenant.kind,
    reseller: tenant.reseller,
    maxChannels: tenant.maxChannels,
    timeZone: tenant.timeZone,
    defaultLocale: tenant.defaultLocale,
    enabled: tenant.enabled,
    transferNumbers: patterns.map((pattern) => pattern.trim()),
    outboundCallerId: outboundCallerId.trim(),
    version: tenant.version,
  };
}

export class TenantApi {
  constructor(private readonly client: ApiClient) {}

  /** The tenants this user sees: a system administrator all, a reseller its own and its tenants', others their own. */
  async list(signal?: AbortSignal): Promise<TenantDocument[]> {
    const page = await this.client.get<Page<TenantDocument>>(`/tenants?limit=${MAX_PAGE_LIMIT}`, { signal });
    return page.items;
  }

  /** Stores the tenant's transfer numbers; a refused pattern comes back as 422 naming `transferNumbers`. */
  saveTransferNumbers(tenant: TenantDocument, patterns: readonly string[], outboundCallerId?: string): Promise<TenantDocument> {
    return this.client.put<TenantDocument>(`/tenants/${encodeURIComponent(tenant.key)}`, transferNumbersRequest(tenant, patterns, outboundCallerId));
  }
}
