import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import { errorText } from '../../api/errorText';

/** A number in E.164 form is dialled through the trunk; anything else is taken for a colleague's extension. */
export function conferenceTarget(text: string): { agent: string } | { number: string } {
  const target = text.trim();
  return target.startsWith('+') ? { number: target } : { agent: target };
}

/** Adds a third party to the agent's connected call: rung, then caller, agent and third party hear each other. */
export function ConferencePanel({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function add() {
    try {
      await callApi.conference(callId, conferenceTarget(target));
      setResult({ ok: true, text: t('conference.asked') });
    } catch (failure) {
      setResult({ ok: false, text: errorText(failure, t) });
    }
  }

  return (
    <Stack spacing={1} data-testid="conference-panel" component="form" onSubmit={(event) => { event.preventDefault(); void add(); }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          label={t('conference.target')}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'conference-target' } }}
        />
        <Button type="submit" variant="outlined" disabled={target.trim() === ''} data-testid="conference-add">
          {t('conference.add')}
        </Button>
      </Stack>
      {result !== null && (
        <Alert severity={result.ok ? 'success' : 'error'} data-testid="conference-result">
          {result.text}
        </Alert>
      )}
    </Stack>
  );
}
