import type { ApiClient } from './client';
import { queryString, type Page } from './page';

/** One audit log entry, as `GET /api/v1/audit` answers it. */
export interface AuditEvent {
  id: number;
  tenant: string | null;
  occurredAt: string;
  actorKind: 'USER' | 'TOKEN' | 'SERVICE' | 'SYSTEM';
  actorId?: number | null;
  /** The login, or `token:<name>`. */
  actorName: string;
  actorRoles: string;
  clientAddress?: string | null;
  /** `group`, `user`, `api-token`, `caller-data`, … */
  entityType: string;
  entityId?: string | null;
  action: 'CREATED' | 'CHANGED' | 'DELETED' | 'SECURITY';
  /** `changed` ({field: {from, to}}), `created`, `deleted`, `now` (fields), `secretsSet` (names only). */
  summary: Record<string, unknown>;
}

export interface AuditQuery {
  /** ISO-8601 instants; `to` is exclusive. */
  from?: string;
  to?: string;
  actor?: string;
  entityType?: string;
  offset?: number;
  limit?: number;
}

export class AuditApi {
  constructor(private readonly client: ApiClient) {}

  list(query: AuditQuery = {}, signal?: AbortSignal): Promise<Page<AuditEvent>> {
    return this.client.get<Page<AuditEvent>>(`/audit${queryString({ ...query })}`, { signal });
  }
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The "what" of an entry in one line: `wrapUpSeconds: 30 → 45; password set` for a change, the
 * name (or the fields) for something created or deleted.
 */
export function describeSummary(summary: Record<string, unknown>): string {
  const parts: string[] = [];
  const changed = summary.changed;
  if (changed !== null && typeof changed === 'object') {
    for (const [field, change] of Object.entries(changed as Record<string, unknown>)) {
      if (change !== null && typeof change === 'object' && 'from' in change && 'to' in change) {
        const { from, to } = change as { from: unknown; to: unknown };
        parts.push(`${field}: ${valueText(from)} → ${valueText(to)}`);
      } else {
        parts.push(`${field}: ${valueText(change)}`);
      }
    }
  }
  for (const key of ['created', 'deleted', 'now']) {
    const fields = summary[key];
    if (fields !== null && typeof fields === 'object') {
      const named = fields as Record<string, unknown>;
      const label = named.name ?? named.login ?? named.key ?? named.code ?? named.extension;
      parts.push(
        label !== undefined
          ? valueText(label)
          : Object.entries(named)
              .map(([field, value]) => `${field}: ${valueText(value)}`)
              .join(', '),
      );
    }
  }
  const secrets = summary.secretsSet;
  if (Array.isArray(secrets) && secrets.length > 0) {
    parts.push(`${secrets.join(', ')} set`);
  }
  return parts.join('; ');
}
