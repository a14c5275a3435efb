import type { AgentStateName } from '../../api/agents';

/** Where an agent's consultation stands, as the call document says it; null: none. */
export type ConsultationState = 'RINGING' | 'TALKING' | 'SWAPPED';

/**
 * What the agent may do about a consultation now: start one; once the colleague answered complete it
 * (transfer), make a conference of it, swap, or return; in a conference, leave it to the other two.
 */
export type ConsultationAction = 'consult' | 'complete' | 'conference' | 'swap' | 'return' | 'leave';

export function consultationActionsOf(
  state: AgentStateName,
  consultation: ConsultationState | null | undefined,
  conference?: string | null,
): ConsultationAction[] {
  if (state !== 'ON_CALL') return [];
  if (conference) return ['leave'];
  if (consultation === 'RINGING') return ['return'];
  if (consultation === 'TALKING' || consultation === 'SWAPPED') return ['complete', 'conference', 'swap', 'return'];
  return ['consult'];
}

/** Where a consultation or a transfer goes: a colleague, a group (its free agent, or its queue) or a number. */
export type CallTarget = { agent: string } | { group: string } | { number: string };

/**
 * The body for what the agent typed: "group:Sales" (or "Gruppe:Sales") is a group, a number in E.164
 * form a number, anything else an extension; null for nothing.
 */
export function callTargetOf(typed: string): CallTarget | null {
  const group = /^\s*(group|gruppe)\s*:\s*(.*?)\s*$/i.exec(typed);
  if (group) return group[2] ? { group: group[2] } : null;
  const value = typed.replace(/\s+/g, '');
  if (value === '') return null;
  return value.startsWith('+') ? { number: value } : { agent: value };
}

/** The consultation's target: as {@link callTargetOf}. */
export const consultationTargetOf = callTargetOf;

/** Why the agent's last consultation did not connect, when that is the last thing that happened to one; else null. */
export function consultationFailureOf(steps: Array<{ kind: string; data?: unknown }> | undefined): string | null {
  const last = [...(steps ?? [])].reverse().find((step) => step.kind.startsWith('Consultation'));
  if (last?.kind !== 'ConsultationFailed') return null;
  const why = (last.data as { why?: unknown } | undefined)?.why;
  return typeof why === 'string' ? why : '';
}
