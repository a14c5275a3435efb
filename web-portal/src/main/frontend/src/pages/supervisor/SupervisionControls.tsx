import { Alert, Button, ButtonGroup, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import type { SupervisionMode } from '../../api/calls';
import { errorText } from '../../api/errorText';
import { supervisionSessions, useSupervisionSession } from './supervisionSession';

const MODES: SupervisionMode[] = ['listen', 'whisper', 'barge'];

/**
 * Listen, whisper, barge in on a running call through the supervisor's own phone (a desk phone, or
 * the browser's softphone), switchable while in, and leave. The server decides who may (the agent's
 * supervisors only). How the supervisor is in comes from the supervision session, which a help
 * request's Join (a whisper) and the softphone card's Leave change as well.
 */
export function SupervisionControls({ callId, agent }: { callId: string; agent: string | null }) {
  const { t } = useTranslation();
  const session = useSupervisionSession();
  const mode = session?.callId === callId ? session.mode : null;
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function supervise(next: SupervisionMode) {
    try {
      await callApi.supervise(callId, next);
      supervisionSessions.started(callId, next, agent);
      setResult({ ok: true, text: t('supervision.asked', { mode: t(`supervision.${next}`) }) });
    } catch (failure) {
      setResult({ ok: false, text: errorText(failure, t) });
    }
  }

  async function leave() {
    try {
      await callApi.endSupervision(callId);
      supervisionSessions.ended(callId);
      setResult({ ok: true, text: t('supervision.left') });
    } catch (failure) {
      setResult({ ok: false, text: errorText(failure, t) });
    }
  }

  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="supervision-controls" data-mode={mode ?? ''}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('supervision.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('supervision.hint')}
      </Typography>
      <Stack direction="row" spacing={1}>
        <ButtonGroup size="small" aria-label={t('supervision.title')}>
          {MODES.map((each) => (
            <Button
              key={each}
              variant={mode === each ? 'contained' : 'outlined'}
              aria-pressed={mode === each}
              onClick={() => void supervise(each)}
              data-testid={`supervise-${each}`}
            >
              {t(`supervision.${each}`)}
            </Button>
          ))}
        </ButtonGroup>
        {mode !== null && (
          <Button size="small" color="inherit" onClick={() => void leave()} data-testid="supervise-leave">
            {t('supervision.leave')}
          </Button>
        )}
      </Stack>
      {result !== null && (
        <Alert severity={result.ok ? 'success' : 'error'} data-testid="supervision-result">
          {result.text}
        </Alert>
      )}
    </Stack>
  );
}
