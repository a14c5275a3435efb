import type { AgentStateName } from '../../api/agents';

/** Where an agent's consultation stands, as the call document says it; null: none. */
export type ConsultationState = 'RINGING' | 'TALKING' | 'SWAPPED';

export type ConsultationAction = 'consult' | 'complete' | 'swap' | 'return';

/** What the agent may do about a consultation now: start one, or complete, swap and return once the colleague answered. */
export function consultationActionsOf(state: AgentStateName, consultation: ConsultationState | null | undefined): ConsultationAction[] {
  if (state !== 'ON_CALL') return [];
  if (consultation === 'RINGING') return ['return'];
  if (consultation === 'TALKING' || consultation === 'SWAPPED') return ['complete', 'swap', 'return'];
  return ['consult'];
}

/** The body of `POST /calls/{id}/consultation` for what the agent typed: a number in E.164 form, else an extension; null for nothing. */
export function consultationTargetOf(typed: string): { agent: string } | { number: string } | null {
  const value = typed.replace(/\s+/g, '');
  if (value === '') return null;
  return value.startsWith('+') ? { number: value } : { agent: value };
}

/** Why the agent's last consultation did not connect, when that is the last thing that happened to one; else null. */
export function consultationFailureOf(steps: Array<{ kind: string; data?: unknown }> | undefined): string | null {
  const last = [...(steps ?? [])].reverse().find((step) => step.kind.startsWith('Consultation'));
  if (last?.kind !== 'ConsultationFailed') return null;
  const why = (last.data as { why?: unknown } | undefined)?.why;
  return typeof why === 'string' ? why : '';
}
