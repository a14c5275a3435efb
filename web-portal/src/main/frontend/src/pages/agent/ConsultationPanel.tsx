import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../../api/agents';
import { callApi } from '../../api';
import type { CallDocument } from '../../api/calls';
import { errorText } from '../../api/errorText';
import { consultationActionsOf, consultationFailureOf, consultationTargetOf, type ConsultationAction } from './consultation';

/**
 * The agent's consultation of a colleague, a group or a number while the caller waits on hold: start
 * it, then transfer the caller to it, make a conference of the three, swap between the two, or go
 * back to the caller; in the conference, leave the other two talking. `onAsked` has the
 * call read again: the steps are carried out on the node holding the call, a moment later.
 */
export function ConsultationPanel({ callId, state, call, onAsked }: { callId: string; state: AgentStateName; call: CallDocument | null; onAsked: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const consultation = call?.consultation ?? null;
  const conference = call?.conference ?? null;
  const actions = consultationActionsOf(state, consultation, conference);
  const failure = consultationFailureOf(call?.steps);

  // While the colleague's phone rings, look again until it answers or not.
  useEffect(() => {
    if (consultation !== 'RINGING') return undefined;
    const timer = setInterval(onAsked, 2000);
    return () => clearInterval(timer);
  }, [consultation, onAsked]);

  if (actions.length === 0) return null;

  const run = async (action: ConsultationAction) => {
    setSending(true);
    setError(null);
    try {
      if (action === 'consult') {
        const target = consultationTargetOf(typed);
        if (target === null) return;
        await callApi.consult(callId, target);
        setTyped('');
      } else {
        await callApi.consultationStep(callId, action === 'leave' ? 'complete' : action);
      }
      onAsked();
      setTimeout(onAsked, 1500);
    } catch (failed) {
      setError(errorText(failed, t));
    } finally {
      setSending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('consult');
  };

  return (
    <Stack spacing={1} sx={{ mt: 2 }} data-testid="call-card-consultation">
      {consultation !== null && (
        <Typography variant="body2" color="warning.main" data-testid="call-card-consultation-state">
          {t(`call.consultation.${consultation}`)}
        </Typography>
      )}
      {conference !== null && (
        <Typography variant="body2" color="info.main" data-testid="call-card-conference-state">
          {t('call.inConference', { party: conference.replace(/^[a-z]+:/, '') })}
        </Typography>
      )}
      {actions.includes('consult') && (
        <Stack component="form" direction="row" spacing={1} onSubmit={submit} noValidate sx={{ alignItems: 'center' }}>
          <TextField
            size="small"
            label={t('call.consultTarget')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'call-card-consult-target', maxLength: 32 } }}
          />
          <Button type="submit" variant="outlined" disabled={sending || consultationTargetOf(typed) === null} data-testid="call-card-consult">
            {t('call.consult')}
          </Button>
        </Stack>
      )}
      {actions.length > 1 || !actions.includes('consult') ? (
        <Stack direction="row" spacing={1}>
          {actions.includes('complete') && (
            <Button variant="contained" disabled={sending} onClick={() => void run('complete')} data-testid="call-card-consult-complete">
              {t('call.complete')}
            </Button>
          )}
          {actions.includes('conference') && (
            <Button variant="outlined" disabled={sending} onClick={() => void run('conference')} data-testid="call-card-consult-conference">
              {t('call.conference')}
            </Button>
          )}
          {actions.includes('leave') && (
            <Button variant="outlined" color="warning" disabled={sending} onClick={() => void run('leave')} data-testid="call-card-conference-leave">
              {t('call.leaveConference')}
            </Button>
          )}
          {actions.includes('swap') && (
            <Button variant="outlined" disabled={sending} onClick={() => void run('swap')} data-testid="call-card-consult-swap">
              {t('call.swap')}
            </Button>
          )}
          {actions.includes('return') && (
            <Button variant="outlined" color="warning" disabled={sending} onClick={() => void run('return')} data-testid="call-card-consult-return">
              {t('call.returnToCaller')}
            </Button>
          )}
        </Stack>
      ) : null}
      {failure !== null && consultation === null && (
        <Alert severity="warning" data-testid="call-card-consult-failed">
          {t('call.consultFailed', { why: failure })}
        </Alert>
      )}
      {error !== null && (
        <Alert severity="error" onClose={() => setError(null)} data-testid="call-card-consult-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
