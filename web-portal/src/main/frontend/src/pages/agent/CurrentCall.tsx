import type { AgentStateDocument } from '../../api/agents';
import type { CallDocument } from '../../api/calls';
import { CallCard, callPhaseOf } from './CallCard';
import { callDetailsOf } from './callDetails';
import { ConsultationPanel } from './ConsultationPanel';
import { HoldButton } from './HoldButton';
import { TransferPanel } from './TransferPanel';
import { useNow } from './useNow';

/**
 * The call card of the agent's current call, its waiting time ticking while the call is offered,
 * with hold and resume, the consultation (and its conference) and the blind transfer; `onAsked` has the call read again after a step.
 */
export function CurrentCall({
  state,
  call,
  onAsked,
}: {
  state: AgentStateDocument & { callId: string };
  call: CallDocument | null;
  onAsked: () => void;
}) {
  const now = useNow(1000);
  return (
    <CallCard call={callDetailsOf(state.callId, call, state.state, state.since, now)} phase={callPhaseOf(state.state)}>
      <HoldButton callId={state.callId} state={state.state} call={call} />
      <ConsultationPanel callId={state.callId} state={state.state} call={call} onAsked={onAsked} />
      <TransferPanel callId={state.callId} state={state.state} call={call} />
    </CallCard>
  );
}
