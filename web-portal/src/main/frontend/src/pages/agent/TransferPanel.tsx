import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../../api/agents';
import { callApi } from '../../api';
import type { CallDocument } from '../../api/calls';
import { errorText } from '../../api/errorText';
import { callTargetOf } from './consultation';
import { transferOfferedFor } from './transfer';

/**
 * The agent's blind transfer of its own call: to a colleague, a group's queue (the caller keeps its
 * priority) or a number; the node hands the caller over and the agent goes to wrap-up.
 */
export function TransferPanel({ callId, state, call }: { callId: string; state: AgentStateName; call: CallDocument | null }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (!transferOfferedFor(state, call)) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = callTargetOf(typed);
    if (target === null) return;
    setSending(true);
    try {
      await callApi.transfer(callId, target);
      setResult({ ok: true, text: t('call.transferAsked') });
      setTyped('');
    } catch (failed) {
      setResult({ ok: false, text: errorText(failed, t) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ mt: 2 }} data-testid="call-card-transfer">
      <Stack component="form" direction="row" spacing={1} onSubmit={(event) => void submit(event)} noValidate sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          label={t('call.transferTarget')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'call-card-transfer-target', maxLength: 64 } }}
        />
        <Button type="submit" variant="outlined" disabled={sending || callTargetOf(typed) === null} data-testid="call-card-transfer-button">
          {t('call.transfer')}
        </Button>
      </Stack>
      {result !== null && (
        <Alert severity={result.ok ? 'success' : 'error'} onClose={() => setResult(null)} data-testid="call-card-transfer-result">
          {result.text}
        </Alert>
      )}
    </Stack>
  );
}
