import { AgentApi } from './agents';
import { api } from './client';
import { PauseReasonApi } from './pauseReasons';
import { SessionApi } from './session';

export { api };
export const sessionApi = new SessionApi(api);
export const agentApi = new AgentApi(api);
export const pauseReasonApi = new PauseReasonApi(api);
