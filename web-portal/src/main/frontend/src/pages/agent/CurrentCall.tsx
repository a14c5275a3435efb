import type { AgentStateDocument } from '../../api/agents';
import type { CallDocument } from '../../api/calls';
import { CallCard, callPhaseOf } from './CallCard';
import { callDetailsOf } from './callDetails';
import { HoldButton } from './HoldButton';
import { useNow } from './useNow';

/** The call card of the agent's current call, its waiting time ticking while the call is offered, with hold and resume. */
export function CurrentCall({ state, call }: { state: AgentStateDocument & { callId: string }; call: CallDocument | null }) {
  const now = useNow(1000);
  return (
    <CallCard call={callDetailsOf(state.callId, call, state.state, state.since, now)} phase={callPhaseOf(state.state)}>
      <HoldButton callId={state.callId} state={state.state} call={call} />
    </CallCard>
  );
}
