import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import { wrapUpExtensionOffer, type WrapUpDocument } from '../../api/agents';
import type { CallDocument, Disposition } from '../../api/calls';
import { errorText } from '../../api/errorText';
import { formatDuration } from './duration';
import { useNow } from './useNow';

interface Props {
  callId: string;
  /** The call's record; its group decides which dispositions are offered. */
  call: CallDocument | null;
  /** The record is still being read: the group is not known yet. */
  callLoading: boolean;
  /** The wrap-up's end and extension allowance, from the agent's state; null from an older server. */
  wrapUp: WrapUpDocument | null;
  /** A state change or extension is on its way. */
  extending: boolean;
  onExtend(seconds: number): void;
}

/**
 * After a call: the agent says how it ended (`PUT /calls/{callId}/disposition`), sees when the
 * wrap-up ends, and takes more time when its group allows it.
 */
export function WrapUpPanel({ callId, call, callLoading, wrapUp, extending, onExtend }: Props) {
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
          {wrapUp !== null && <WrapUpTime wrapUp={wrapUp} extending={extending} onExtend={onExtend} />}
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

/** The wrap-up's countdown and, when the group allows it, the button that extends it. */
function WrapUpTime({ wrapUp, extending, onExtend }: { wrapUp: WrapUpDocument; extending: boolean; onExtend(seconds: number): void }) {
  const { t } = useTranslation();
  const now = useNow();
  const offer = wrapUpExtensionOffer(wrapUp);
  const left = Math.max(0, (Date.parse(wrapUp.endsAt) - now) / 1000);
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body1" data-testid="wrap-up-countdown" data-ends-at={wrapUp.endsAt}>
        {t('wrapUp.endsIn', { time: formatDuration(Math.ceil(left)) })}
      </Typography>
      {offer !== null && (
        <>
          <Button variant="outlined" onClick={() => onExtend(offer)} disabled={extending || offer === 0} data-testid="wrap-up-extend">
            {t('wrapUp.extend', { seconds: offer })}
          </Button>
          <Typography variant="body2" color="text.secondary" data-testid="wrap-up-extension-left">
            {t('wrapUp.extensionLeft', { seconds: wrapUp.extensionLeftSeconds })}
          </Typography>
        </>
      )}
    </Stack>
  );
}
