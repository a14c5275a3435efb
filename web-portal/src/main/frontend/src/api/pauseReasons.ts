import type { ApiClient } from './client';

/** A tenant's pause reason (`GET /pause-reasons`). `label` is the tenant's own wording. */
export interface PauseReason {
  id: number | string;
  code: string;
  label: string;
  paid: boolean;
  maxSeconds: number | null;
  /** Set by the system (e.g. after unanswered offers), never chosen by the agent. */
  setBySystem: boolean;
  enabled: boolean;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** The reasons an agent may pick: enabled ones the system does not reserve for itself. */
export function choosableReasons(reasons: readonly PauseReason[]): PauseReason[] {
  return reasons.filter((reason) => reason.enabled && !reason.setBySystem);
}

export class PauseReasonApi {
  constructor(private readonly client: ApiClient) {}

  async list(signal?: AbortSignal): Promise<PauseReason[]> {
    const page = await this.client.get<Page<PauseReason>>('/pause-reasons', { signal });
    return page.items;
  }
}
