import type { AgentStateName } from '../../api/agents';
import type { CallDocument } from '../../api/calls';
import type { CallDetails } from './CallCard';

/**
 * How long the caller waited before the agent answered: from joining the queue until answered;
 * still counting while the call is offered or ringing. Undefined when it cannot be told.
 */
export function waitingSecondsOf(call: CallDocument, phase: AgentStateName, stateSince: string, now: number): number | undefined {
  const queued = Date.parse(call.queuedAt ?? '');
  if (Number.isNaN(queued)) return undefined;
  let end: number;
  if (call.answeredAt != null && !Number.isNaN(Date.parse(call.answeredAt))) {
    end = Date.parse(call.answeredAt);
  } else if (phase === 'ON_CALL') {
    // The record may not have the answer yet; the agent's state changed when it happened.
    end = Date.parse(stateSince);
  } else if (phase === 'RESERVED' || phase === 'RINGING') {
    end = now;
  } else {
    return undefined;
  }
  return Number.isNaN(end) ? undefined : Math.max(0, Math.floor((end - queued) / 1000));
}

/** What the call card shows: the id always, the rest as soon as the call's record is there. */
export function callDetailsOf(callId: string, call: CallDocument | null, phase: AgentStateName, stateSince: string, now: number): CallDetails {
  if (call === null) {
    return { callId };
  }
  return {
    callId,
    callerNumber: call.caller ?? undefined,
    serviceNumber: call.serviceNumber ?? undefined,
    group: call.group ?? undefined,
    waitingSeconds: waitingSecondsOf(call, phase, stateSince, now),
    crmUrl: call.crmUrl ?? undefined,
    callbackNumber: call.direction === 'CALLBACK' ? (call.dialledNumber ?? undefined) : undefined,
  };
}
