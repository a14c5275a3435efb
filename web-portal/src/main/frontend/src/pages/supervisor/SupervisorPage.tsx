import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import { errorText } from '../../api/errorText';
import { LiveIndicator } from '../../components/LiveIndicator';
import { useNow } from '../agent/useNow';
import { usePauseReasons } from '../agent/usePauseReasons';
import { AgentGroupsDialog } from './AgentGroupsDialog';
import { AgentTable } from './AgentTable';
import { CallDialog } from './CallDialog';
import { FairnessDialog } from './FairnessDialog';
import { HelpRequests } from './HelpRequests';
import { QueueTable } from './QueueTable';
import { SupervisorSoftphone } from './SupervisorSoftphone';
import { supervisionSessions } from './supervisionSession';
import { agentRows, groupsOf } from './supervisorState';
import { useSupervision } from './useSupervision';

/** The supervisor's live view of their groups' queues and agents, with help requests and agent actions. */
export function SupervisorPage() {
  const { t } = useTranslation();
  const supervision = useSupervision();
  const reasons = usePauseReasons();
  const now = useNow(1000);
  const [callId, setCallId] = useState<string | null>(null);
  const [groupsFor, setGroupsFor] = useState<string | null>(null);
  const [fairnessOf, setFairnessOf] = useState<{ id: number; name: string } | null>(null);
  const { state } = supervision;
  const nameOf = (extension: string) => state.directory[extension]?.displayName ?? null;
  const [joined, setJoined] = useState<{ ok: boolean; text: string } | null>(null);

  /** The help request's "Join": a whisper on the agent's current call, which opens beside it. */
  async function join(extension: string) {
    const current = state.agents[extension]?.callId ?? null;
    if (current === null) {
      setJoined({ ok: false, text: t('help.noCall', { extension }) });
      return;
    }
    try {
      await callApi.supervise(current, 'whisper');
      setJoined({ ok: true, text: t('help.joined', { extension }) });
      supervisionSessions.started(current, 'whisper', extension);
      setCallId(current);
    } catch (failure) {
      setJoined({ ok: false, text: errorText(failure, t) });
    }
  }

  return (
    <Stack spacing={3} data-testid="page-supervisor">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {t('pages.supervisor.title')}
        </Typography>
        <LiveIndicator live={supervision.live} />
      </Stack>

      {supervision.error !== null && (
        <Alert
          severity="error"
          data-testid="supervisor-error"
          action={
            <Button color="inherit" size="small" onClick={supervision.reload}>
              {t('common.retry')}
            </Button>
          }
        >
          {supervision.error}
        </Alert>
      )}
      {supervision.actionError !== null && (
        <Alert severity="error" onClose={supervision.dismissActionError} data-testid="supervisor-action-error" role="alert">
          {supervision.actionError}
        </Alert>
      )}

      <SupervisorSoftphone />

      {joined !== null && (
        <Alert severity={joined.ok ? 'success' : 'error'} onClose={() => setJoined(null)} data-testid="help-join-result">
          {joined.text}
        </Alert>
      )}
      <HelpRequests requests={state.helpRequests} now={now} onDismiss={supervision.dismissHelp} onJoin={(extension) => void join(extension)} />

      <Stack spacing={1} component="section" aria-labelledby="supervisor-queues">
        <Typography variant="h6" component="h2" id="supervisor-queues">
          {t('supervisor.queues')}
        </Typography>
        {state.loaded && !state.todayAvailable && (
          <Alert severity="warning" data-testid="today-unavailable">
            {t('supervisor.todayUnavailable')}
          </Alert>
        )}
        <QueueTable queues={state.queues} now={now} loaded={state.loaded} onOpenFairness={setFairnessOf} />
      </Stack>

      <Stack spacing={1} component="section" aria-labelledby="supervisor-agents">
        <Typography variant="h6" component="h2" id="supervisor-agents">
          {t('supervisor.agents')}
        </Typography>
        <AgentTable
          agents={agentRows(state)}
          nameOf={nameOf}
          groupsOf={(extension) => groupsOf(state, extension)}
          reasons={reasons.all}
          choosableReasons={reasons.choosable}
          now={now}
          busy={supervision.busy}
          loaded={state.loaded}
          onChangeState={(extension, request) => void supervision.changeState(extension, request)}
          onEditGroups={setGroupsFor}
          onOpenCall={setCallId}
        />
      </Stack>

      <CallDialog callId={callId} onClose={() => setCallId(null)} />
      <FairnessDialog group={fairnessOf} onClose={() => setFairnessOf(null)} />
      <AgentGroupsDialog
        extension={groupsFor}
        name={groupsFor === null ? null : nameOf(groupsFor)}
        groups={state.queues}
        memberOf={groupsFor === null ? [] : groupsOf(state, groupsFor)}
        busy={supervision.busy}
        onToggle={(groupId, member) => {
          if (groupsFor !== null) void supervision.setMembership(groupId, groupsFor, member);
        }}
        onClose={() => setGroupsFor(null)}
      />
    </Stack>
  );
}
