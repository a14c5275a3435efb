import {
  Alert,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  InputLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errorText';
import { fieldProblemsOf, formErrorsOf, NO_FORM_ERRORS, type FormErrors } from '../../api/fieldErrors';
import { reportApi } from '../../api';
import { useJobProgress } from './useJobProgress';
import {
  isFinished,
  isoDate,
  SERVICE_LEVEL_VARIANTS,
  type KpiDefinitions,
  type KpiSettings,
  type Recalculation,
  type ServiceLevelVariant,
} from '../../api/reports';

/** How often a running recalculation's progress is asked for. */
const POLL_MS = 2000;

const DEFAULT_SETTINGS: KpiSettings = { serviceLevel: 'ABANDONS_AGAINST', shortAbandonsExcluded: true, wrapUpInHandleTime: true };

/** The tenant admin's part of the reports: the current KPI definition, a new version of it, and recalculating a period. */
export function KpiPanel({ definitions, onSaved }: { definitions: KpiDefinitions | null; onSaved: () => void }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'stretch' }}>
      <KpiDefinitionForm definitions={definitions} onSaved={onSaved} />
      <RecalculationForm />
    </Stack>
  );
}

function KpiDefinitionForm({ definitions, onSaved }: { definitions: KpiDefinitions | null; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const current = definitions?.versions.find((version) => version.version === definitions.current) ?? null;
  const [settings, setSettings] = useState<KpiSettings>(DEFAULT_SETTINGS);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (current !== null) {
      setSettings({
        serviceLevel: current.serviceLevel,
        shortAbandonsExcluded: current.shortAbandonsExcluded,
        wrapUpInHandleTime: current.wrapUpInHandleTime,
      });
    }
  }, [current]);

  const save = () => {
    setSaving(true);
    setFailure(null);
    setErrors(NO_FORM_ERRORS);
    reportApi
      .defineKpis(settings)
      .then((made) => {
        setSaved(made.version);
        onSaved();
      })
      .catch((error: unknown) => {
        const formErrors = formErrorsOf(fieldProblemsOf(error), ['serviceLevel', 'shortAbandonsExcluded', 'wrapUpInHandleTime']);
        setErrors(formErrors);
        setFailure(formErrors.summary.length > 0 ? formErrors.summary.join('; ') : Object.keys(formErrors.fields).length > 0 ? null : errorText(error, t));
      })
      .finally(() => setSaving(false));
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1 }} data-testid="kpi-definition-panel">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h2">
          {t('reports.kpi.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="kpi-current">
          {current === null
            ? t('reports.kpi.none')
            : t('reports.kpi.current', {
                version: current.version,
                by: current.createdBy ?? '–',
                at: current.createdAt === undefined ? '–' : new Date(current.createdAt).toLocaleString(i18n.resolvedLanguage),
              })}
        </Typography>
        <FormControl size="small" error={errors.fields.serviceLevel !== undefined}>
          <InputLabel id="kpi-service-level">{t('reports.kpi.serviceLevel')}</InputLabel>
          <Select
            labelId="kpi-service-level"
            label={t('reports.kpi.serviceLevel')}
            value={settings.serviceLevel}
            onChange={(event) => setSettings({ ...settings, serviceLevel: event.target.value as ServiceLevelVariant })}
            data-testid="kpi-service-level"
          >
            {SERVICE_LEVEL_VARIANTS.map((variant) => (
              <MenuItem key={variant} value={variant}>
                {t(`reports.kpi.variants.${variant}`)}
              </MenuItem>
            ))}
          </Select>
          {errors.fields.serviceLevel !== undefined && <FormHelperText>{errors.fields.serviceLevel}</FormHelperText>}
        </FormControl>
        <FormControlLabel
          control={
            <Checkbox
              checked={settings.shortAbandonsExcluded}
              onChange={(event) => setSettings({ ...settings, shortAbandonsExcluded: event.target.checked })}
              data-testid="kpi-short-abandons-excluded"
            />
          }
          label={t('reports.kpi.shortAbandonsExcluded')}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={settings.wrapUpInHandleTime}
              onChange={(event) => setSettings({ ...settings, wrapUpInHandleTime: event.target.checked })}
              data-testid="kpi-wrap-up-in-handle-time"
            />
          }
          label={t('reports.kpi.wrapUpInHandleTime')}
        />
        {failure !== null && (
          <Alert severity="error" data-testid="kpi-error">
            {failure}
          </Alert>
        )}
        {saved !== null && (
          <Alert severity="success" onClose={() => setSaved(null)} data-testid="kpi-saved">
            {t('reports.kpi.saved', { version: saved })}
          </Alert>
        )}
        <Button variant="contained" onClick={save} disabled={saving} sx={{ alignSelf: 'flex-start' }} data-testid="kpi-save">
          {t('reports.kpi.save')}
        </Button>
      </Stack>
    </Paper>
  );
}

function RecalculationForm() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(isoDate());
  const [to, setTo] = useState(isoDate());
  const [job, setJob] = useState<Recalculation | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const running = job !== null && !isFinished(job);

  useJobProgress(job, (id, signal) => reportApi.recalculation(id, signal), setJob, (error) => setFailure(errorText(error, t)), POLL_MS);

  const start = () => {
    setFailure(null);
    setErrors(NO_FORM_ERRORS);
    reportApi
      .recalculate(from, to)
      .then(setJob)
      .catch((error: unknown) => {
        const formErrors = formErrorsOf(fieldProblemsOf(error), ['from', 'to']);
        setErrors(formErrors);
        setFailure(formErrors.summary.length > 0 ? formErrors.summary.join('; ') : Object.keys(formErrors.fields).length > 0 ? null : errorText(error, t));
      });
  };

  const percent = job === null || job.slicesTotal <= 0 ? 0 : Math.min(100, (job.slicesDone / job.slicesTotal) * 100);
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1 }} data-testid="recalculation-panel">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h2">
          {t('reports.recalculate.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('reports.recalculate.text')}
        </Typography>
        <Stack direction="row" spacing={1}>
          <TextField
            type="date"
            size="small"
            label={t('reports.from')}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            error={errors.fields.from !== undefined}
            helperText={errors.fields.from}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'recalculation-from' } }}
          />
          <TextField
            type="date"
            size="small"
            label={t('reports.to')}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            error={errors.fields.to !== undefined}
            helperText={errors.fields.to}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'recalculation-to' } }}
          />
        </Stack>
        {job !== null && (
          <Stack spacing={0.5} data-testid="recalculation-progress" data-state={job.state}>
            <LinearProgress
              variant="determinate"
              value={percent}
              color={job.state === 'FAILED' ? 'error' : job.state === 'DONE' ? 'success' : 'primary'}
            />
            <Typography variant="caption">
              {job.state === 'DONE'
                ? t('reports.recalculate.done')
                : job.state === 'FAILED'
                  ? t('reports.recalculate.failed')
                  : t('reports.recalculate.progress', { done: job.slicesDone, total: job.slicesTotal })}
            </Typography>
          </Stack>
        )}
        {failure !== null && (
          <Alert severity="error" data-testid="recalculation-error">
            {failure}
          </Alert>
        )}
        <Button variant="contained" onClick={start} disabled={running} sx={{ alignSelf: 'flex-start' }} data-testid="recalculation-start">
          {t('reports.recalculate.start')}
        </Button>
      </Stack>
    </Paper>
  );
}
