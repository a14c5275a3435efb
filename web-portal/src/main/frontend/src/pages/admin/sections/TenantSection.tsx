import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormHelperText,
  IconButton,
  Paper,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tenantApi } from '../../../api';
import { errorText } from '../../../api/errorText';
import { fieldProblemsOf, formErrorsOf, isStaleVersion } from '../../../api/fieldErrors';
import { mayChangeTransferNumbers, patternProblem, type TenantDocument } from '../../../api/tenants';
import { useSession } from '../../../session/SessionContext';
import { useAdminTenant } from '../AdminTenant';

const FIELD = 'transferNumbers';
const CALLER_ID = 'outboundCallerId';

/**
 * The tenant's settings the administration shows: its transfer numbers, the external numbers its
 * calls may be transferred to. A system administrator (or the tenant's reseller) changes them in
 * the tenant it picked for the administration; the tenant's own admins see them.
 */
export function TenantSection() {
  const { t } = useTranslation();
  const session = useSession();
  const [tenants, setTenants] = useState<TenantDocument[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const selected = useAdminTenant().key;
  const [patterns, setPatterns] = useState<string[]>([]);
  const [callerId, setCallerId] = useState('');
  const [callerIdError, setCallerIdError] = useState<string | null>(null);
  const [entry, setEntry] = useState('');
  const [entryProblem, setEntryProblem] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  // Read when the list fails to load; a change of language keeps the patterns being edited.
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    const abort = new AbortController();
    tenantApi
      .list(abort.signal)
      .then(setTenants)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoadError(errorText(error, tRef.current));
      });
    return () => abort.abort();
  }, []);

  const tenant = tenants?.find((candidate) => candidate.key === selected) ?? null;
  // The list as stored, whenever another tenant is picked or a save stored a new version.
  useEffect(() => {
    setPatterns(tenant?.transferNumbers ?? []);
    setCallerId(tenant?.outboundCallerId ?? '');
    setCallerIdError(null);
    setEntry('');
    setEntryProblem(null);
    setFieldError(null);
    setFailure(null);
  }, [tenant]);

  if (loadError !== null) {
    return (
      <Alert severity="error" data-testid="form-load-error">
        {loadError}
      </Alert>
    );
  }
  if (tenants === null) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }
  const editable = tenant !== null && mayChangeTransferNumbers(session.roles, session.tenant, tenant.key);

  const add = () => {
    const problem = patternProblem(patterns, entry);
    if (problem !== null) {
      setEntryProblem(t(`tenantSettings.${problem}`));
      return;
    }
    setPatterns([...patterns, entry.trim()]);
    setEntry('');
    setEntryProblem(null);
    setSaved(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (tenant === null || !editable) return;
    setSaving(true);
    setFieldError(null);
    setCallerIdError(null);
    setFailure(null);
    setSaved(false);
    try {
      const stored = await tenantApi.saveTransferNumbers(tenant, patterns, callerId);
      setTenants((list) => (list ?? []).map((other) => (other.key === stored.key ? stored : other)));
      setSaved(true);
    } catch (error) {
      const errors = formErrorsOf(fieldProblemsOf(error), [FIELD, CALLER_ID]);
      if (errors.fields[FIELD] !== undefined || errors.fields[CALLER_ID] !== undefined) {
        setFieldError(errors.fields[FIELD] ?? null);
        setCallerIdError(errors.fields[CALLER_ID] ?? null);
      } else if (isStaleVersion(error)) {
        setFailure(t('tenantSettings.stale'));
      } else {
        setFailure(errors.summary.length > 0 ? errors.summary.join('; ') : errorText(error, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 3 }} component="form" onSubmit={save} noValidate data-testid="tenant-settings">
      <Stack spacing={2.5}>
        <Typography variant="h5" component="h2">
          {t('admin.sections.tenant')}
        </Typography>
        <Box
          component="fieldset"
          sx={{ border: 1, borderColor: fieldError !== null ? 'error.main' : 'divider', borderRadius: 1, p: 2, m: 0 }}
          data-testid={`field-${FIELD}`}
          data-tenant={tenant?.key}
        >
          <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
            {t('tenantSettings.transferNumbers')}
          </Typography>
          <Stack spacing={1.5}>
            <Typography variant="body2" color="text.secondary">
              {t('tenantSettings.transferNumbersHint')}
            </Typography>
            {patterns.length === 0 ? (
              <Typography variant="body2" data-testid="transfer-numbers-empty">
                {t('tenantSettings.none')}
              </Typography>
            ) : (
              <Stack spacing={0.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                {patterns.map((pattern, index) => (
                  <Stack key={pattern} component="li" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Typography sx={{ fontFamily: 'monospace' }} data-testid={`transfer-number-${index}`}>
                      {pattern}
                    </Typography>
                    {editable && (
                      <Tooltip title={t('admin.remove')}>
                        <IconButton
                          size="small"
                          aria-label={`${t('admin.remove')} ${pattern}`}
                          onClick={() => {
                            setPatterns(patterns.filter((other) => other !== pattern));
                            setSaved(false);
                          }}
                          data-testid={`transfer-number-remove-${index}`}
                        >
                          ×
                        </IconButton>
                      </Tooltip>
                    )}
                  </Stack>
                ))}
              </Stack>
            )}
            {editable && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  size="small"
                  label={t('tenantSettings.newPattern')}
                  value={entry}
                  onChange={(event) => setEntry(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      add();
                    }
                  }}
                  error={entryProblem !== null}
                  helperText={entryProblem ?? t('tenantSettings.patternHint')}
                  slotProps={{ htmlInput: { 'data-testid': 'transfer-number-input' } }}
                />
                <Button variant="outlined" onClick={add} data-testid="transfer-number-add">
                  {t('tenantSettings.add')}
                </Button>
              </Stack>
            )}
            {fieldError !== null && (
              <FormHelperText error data-testid={`field-${FIELD}-helper`}>
                {fieldError}
              </FormHelperText>
            )}
          </Stack>
        </Box>
        <TextField
          size="small"
          label={t('tenantSettings.outboundCallerId')}
          value={callerId}
          onChange={(event) => {
            setCallerId(event.target.value);
            setSaved(false);
          }}
          disabled={!editable}
          error={callerIdError !== null}
          helperText={callerIdError ?? t('tenantSettings.outboundCallerIdHint')}
          sx={{ maxWidth: 360 }}
          slotProps={{ htmlInput: { 'data-testid': `field-${CALLER_ID}`, inputMode: 'tel' } }}
        />
        {!editable && <Alert severity="info" data-testid="transfer-numbers-read-only">{t('tenantSettings.readOnly')}</Alert>}
        {failure !== null && (
          <Alert severity="error" data-testid="form-error">
            {failure}
          </Alert>
        )}
        {saved && (
          <Alert severity="success" data-testid="form-saved">
            {t('tenantSettings.saved')}
          </Alert>
        )}
        {editable && (
          <Box>
            <Button type="submit" variant="contained" disabled={saving} data-testid="save-button">
              {t('admin.save')}
            </Button>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
