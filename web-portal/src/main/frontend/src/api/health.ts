import type { ApiClient } from './client';
import { ApiError } from './problem';

/** A raised alarm as `GET /health` lists it. */
export interface Alarm {
  code: string;
  message: string;
  severity?: string;
  since?: string;
}

interface HealthReport {
  status?: string;
  alarms?: Alarm[];
}

function alarmsOf(report: unknown): Alarm[] {
  const alarms = (report as HealthReport | null)?.alarms;
  return Array.isArray(alarms) ? alarms.filter((alarm) => typeof alarm?.code === 'string') : [];
}

export class HealthApi {
  constructor(private readonly client: ApiClient) {}

  /**
   * The alarms raised now. `GET /health` answers 503 when the service is DOWN, with the same
   * report: its alarms count too.
   */
  async alarms(signal?: AbortSignal): Promise<Alarm[]> {
    try {
      return alarmsOf(await this.client.get<HealthReport>('/health', { signal }));
    } catch (error) {
      if (error instanceof ApiError && error.problem !== null && Array.isArray(error.problem.alarms)) {
        return alarmsOf(error.problem);
      }
      throw error;
    }
  }
}
