import type { AgentStateName } from '../../api/agents';
import type { CallDocument } from '../../api/calls';

/** What the hold button does next: hold a connected caller, resume a held one; null when the call is not connected. */
export type HoldAction = 'hold' | 'resume';

/**
 * The hold button's next action. The agent's own click decides while the record has not caught up
 * (`asked`, the last action the server accepted); otherwise the call's record says whether it is on hold.
 */
export function holdActionOf(
  state: AgentStateName,
  call: Pick<CallDocument, 'onHold' | 'consultation'> | null,
  asked: HoldAction | null,
): HoldAction | null {
  // During a consultation the agent swaps or returns instead.
  if (state !== 'ON_CALL' || (call?.consultation ?? null) !== null) return null;
  if (asked !== null) return asked === 'hold' ? 'resume' : 'hold';
  return call?.onHold === true ? 'resume' : 'hold';
}
