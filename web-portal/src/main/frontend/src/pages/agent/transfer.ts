import type { AgentStateName } from '../../api/agents';

/**
 * Whether the desktop offers a blind transfer: the agent talks to its caller alone — not on hold,
 * not consulting, no third party in (the API refuses those; resume, complete or leave first).
 */
export function transferOfferedFor(
  state: AgentStateName,
  call: { onHold?: boolean | null; consultation?: string | null; conference?: string | null } | null,
): boolean {
  return state === 'ON_CALL' && call !== null && call.onHold !== true && !call.consultation && !call.conference;
}
