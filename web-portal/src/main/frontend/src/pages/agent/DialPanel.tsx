import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import { isOutboundOver, outboundProgressOf, type CallDocument } from '../../api/calls';
import { errorText } from '../../api/errorText';
import { fieldProblemsOf } from '../../api/fieldErrors';

const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * Click-to-dial: the agent types a number and calls it from its own phone, which rings first; the
 * number is dialled once the agent picked up. The call's progress is read from its record every
 * second until it is over; wrap-up and disposition then follow as after any call.
 */
export function DialPanel({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [callId, setCallId] = useState<string | null>(null);
  const [call, setCall] = useState<CallDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [numberError, setNumberError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = outboundProgressOf(call);
  const over = isOutboundOver(progress);

  useEffect(() => {
    if (callId === null || over) return undefined;
    const abort = new AbortController();
    const timer = setInterval(() => {
      callApi
        .get(callId, abort.signal)
        .then((found) => {
          if (!abort.signal.aborted) setCall(found);
        })
        // Not recorded yet (404) or a passing failure: the next read tries again.
        .catch(() => undefined);
    }, 1000);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [callId, over]);

  const dial = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = number.replace(/[\s()/-]/g, '');
    if (!E164.test(wanted)) {
      setNumberError(t('dial.invalidNumber'));
      return;
    }
    setBusy(true);
    setError(null);
    setNumberError(null);
    try {
      const placed = await callApi.place(wanted);
      setCall(null);
      setCallId(placed.callId);
    } catch (failure) {
      const fields = fieldProblemsOf(failure);
      const forNumber = fields.find((problem) => problem.field === 'number');
      if (forNumber !== undefined) setNumberError(forNumber.message);
      else setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const hangUp = async () => {
    if (callId === null) return;
    setBusy(true);
    try {
      await callApi.hangUp(callId);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const active = callId !== null && !over;
  return (
    <Card variant="outlined" data-testid="dial-panel">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('dial.title')}
        </Typography>
        <form onSubmit={dial} noValidate>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label={t('dial.number')}
              placeholder="+4940123456"
              value={number}
              onChange={(event) => setNumber(event.target.value)}
              error={numberError !== null}
              helperText={numberError ?? t('dial.hint')}
              disabled={active}
              slotProps={{ htmlInput: { 'data-testid': 'dial-number', inputMode: 'tel' } }}
              size="small"
              sx={{ flex: 1 }}
            />
            {active ? (
              <Button variant="contained" color="error" onClick={() => void hangUp()} disabled={busy} data-testid="dial-hang-up">
                {t('dial.hangUp')}
              </Button>
            ) : (
              <Button type="submit" variant="contained" disabled={busy || !ready} data-testid="dial-call">
                {t('dial.call')}
              </Button>
            )}
          </Stack>
        </form>
        {!ready && callId === null && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('dial.onlyReady')}
          </Typography>
        )}
        {callId !== null && (
          <Typography variant="body1" sx={{ mt: 2 }} data-testid="dial-progress" data-progress={progress}>
            {t(`dial.progress.${progress}`, { number: call?.dialledNumber ?? number })}
          </Typography>
        )}
        {error !== null && (
          <Alert severity="error" sx={{ mt: 2 }} onClose={() => setError(null)} data-testid="dial-error">
            {error}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
