import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import type { CallDocument, Disposition } from '../../api/calls';
import { errorText } from '../../api/errorText';

interface Props {
  callId: string;
  /** The call's record; its group decides which dispositions are offered. */
  call: CallDocument | null;
  /** The record is still being read: the group is not known yet. */
  callLoading: boolean;
}

/** After a call: the agent says how it ended (`PUT /calls/{callId}/disposition`). */
export function WrapUpPanel({ callId, call, callLoading }: Props) {
  const { t } = useTranslation();
  const [dispositions, setDispositions] = useState<Disposition[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const group = call?.group ?? null;

  useEffect(() => {
    setCode(call?.disposition ?? '');
    setSaved(call?.disposition ?? null);
    setSaveError(null);
  }, [callId, call?.disposition]);

  useEffect(() => {
    if (callLoading) return undefined;
    const abort = new AbortController();
    setLoadError(null);
    callApi
      .dispositions(group, abort.signal)
      .then((list) => setDispositions(list))
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setLoadError(errorText(failure, t));
      });
    return () => abort.abort();
  }, [group, callLoading, t]);

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      await callApi.setDisposition(callId, code);
      setSaved(code);
    } catch (failure) {
      setSaveError(errorText(failure, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card variant="outlined" data-testid="wrap-up-panel" sx={{ borderWidth: 2, borderColor: '#6a1b9a' }}>
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            {t('wrapUp.title')}
          </Typography>
          {loadError !== null && (
            <Alert severity="error" data-testid="disposition-error">
              {loadError}
            </Alert>
          )}
          <TextField
            select
            label={t('wrapUp.disposition')}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            disabled={dispositions === null}
            fullWidth
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'disposition-select' }, inputLabel: { shrink: true } }}
          >
            <option value="">{dispositions === null ? t('app.loading') : t('wrapUp.choose')}</option>
            {(dispositions ?? []).map((disposition) => (
              <option key={disposition.code} value={disposition.code} data-testid={`disposition-${disposition.code}`}>
                {disposition.label}
              </option>
            ))}
          </TextField>
          {dispositions !== null && dispositions.length === 0 && (
            <Typography variant="body2" color="text.secondary" data-testid="disposition-none">
              {t('wrapUp.none')}
            </Typography>
          )}
          {saveError !== null && (
            <Alert severity="error" data-testid="disposition-save-error" role="alert">
              {saveError}
            </Alert>
          )}
          {saved !== null && saved === code && (
            <Alert severity="success" data-testid="disposition-saved">
              {t('wrapUp.saved')}
            </Alert>
          )}
          <Stack direction="row">
            <Button variant="contained" onClick={() => void save()} disabled={saving || code === '' || code === saved} data-testid="disposition-save">
              {t('wrapUp.save')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
