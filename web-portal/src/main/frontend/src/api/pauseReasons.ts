import type { ApiClient } from './client';
import type { Page } from './page';

export type { Page } from './page';

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
