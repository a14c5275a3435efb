import { Alert, Box, Stack, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentApi } from '../../api';
import { useCallDocument } from '../../components/useCallDocument';
import { useSession } from '../../session/SessionContext';
import { ConferencePanel } from './ConferencePanel';
import { CurrentCall } from './CurrentCall';
import { DialPanel } from './DialPanel';
import { HelpButton } from './HelpButton';
import { SoftphonePanel } from './softphone/SoftphonePanel';
import { StateButtons } from './StateButtons';
import { StateDisplay } from './StateDisplay';
import { TodayFigures } from './TodayFigures';
import { useAgentState } from './useAgentState';
import { reasonLabel, usePauseReasons } from './usePauseReasons';
import { WrapUpPanel } from './WrapUpPanel';

/** The agent's desktop: current state and time in it, the state buttons, the current call, today's figures. */
export function AgentDesktopPage() {
  const { t } = useTranslation();
  const session = useSession();

  if (session.agent === null) {
    return (
      <Alert severity="info" data-testid="agent-desktop-no-agent">
        {t('desktop.noAgent')}
      </Alert>
    );
  }
  return <AgentDesktop extension={session.agent} />;
}

function AgentDesktop({ extension }: { extension: string }) {
  const { t } = useTranslation();
  const agent = useAgentState(extension);
  const softphone = useMemo(
    () => ({ rememberAs: extension, load: (signal: AbortSignal) => agentApi.softphone(extension, signal) }),
    [extension],
  );
  const reasons = usePauseReasons();
  const state = agent.state;
  const callId = state?.callId ?? null;
  // Read again when the call moves on (answered, wrapped up) or the agent asked for a step (hold,
  // consultation): the record then has more to say.
  const [asked, setAsked] = useState(0);
  const readAgain = useCallback(() => setAsked((count) => count + 1), []);
  const call = useCallDocument(callId, `${state?.state ?? ''}:${asked}`);

  return (
    <Stack spacing={3} data-testid="page-agent">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1">
          {t('desktop.title')}
        </Typography>
        <Typography variant="subtitle1" color="text.secondary" data-testid="agent-extension">
          {t('desktop.extension', { extension })}
        </Typography>
      </Stack>

      {agent.error !== null && (
        <Alert severity="error" onClose={agent.dismissError} data-testid="agent-error" role="alert">
          {agent.error}
        </Alert>
      )}

      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, alignItems: 'start' }}>
        <Stack spacing={3}>
          <StateDisplay state={state} reasonLabel={reasonLabel(reasons.all, state?.reason ?? null)} live={agent.live} />
          <StateButtons state={state} reasons={reasons} changing={agent.changing} onChange={(request) => void agent.change(request)} />
          <Stack direction="row">
            <HelpButton extension={extension} />
          </Stack>
          <DialPanel ready={state?.state === 'READY'} />
        </Stack>
        <Stack spacing={3}>
          <SoftphonePanel account={softphone} />
          {state !== null && callId !== null && <CurrentCall state={{ ...state, callId }} call={call.call} onAsked={readAgain} />}
          {state?.state === 'ON_CALL' && callId !== null && <ConferencePanel callId={callId} />}
          {state?.state === 'WRAP_UP' && callId !== null && (
            <WrapUpPanel
              callId={callId}
              call={call.call}
              callLoading={call.loading}
              wrapUp={state.wrapUp ?? null}
              extending={agent.changing}
              onExtend={(seconds) => void agent.extendWrapUp(seconds)}
            />
          )}
          <TodayFigures extension={extension} refreshKey={state?.state ?? ''} />
        </Stack>
      </Box>
    </Stack>
  );
}
