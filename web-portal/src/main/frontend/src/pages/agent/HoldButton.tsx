import { Alert, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../../api/agents';
import { callApi } from '../../api';
import type { CallDocument } from '../../api/calls';
import { errorText } from '../../api/errorText';
import { holdActionOf, type HoldAction } from './hold';

/** Hold and resume of the agent's connected call: the caller hears music while held, the agent silence. */
export function HoldButton({ callId, state, call }: { callId: string; state: AgentStateName; call: CallDocument | null }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState<HoldAction | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setAsked(null), [callId]);
  const action = holdActionOf(state, call, asked);
  if (action === null) return null;

  const click = async () => {
    setSending(true);
    setError(null);
    try {
      await (action === 'hold' ? callApi.hold(callId) : callApi.resume(callId));
      setAsked(action);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          variant={action === 'resume' ? 'contained' : 'outlined'}
          color={action === 'resume' ? 'warning' : 'primary'}
          disabled={sending}
          onClick={() => void click()}
          data-testid="call-card-hold"
          data-action={action}
        >
          {t(action === 'hold' ? 'call.hold' : 'call.resume')}
        </Button>
        {action === 'resume' && (
          <Typography variant="body2" color="warning.main" data-testid="call-card-on-hold">
            {t('call.onHold')}
          </Typography>
        )}
      </Stack>
      {error !== null && (
        <Alert severity="error" onClose={() => setError(null)} data-testid="call-card-hold-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
