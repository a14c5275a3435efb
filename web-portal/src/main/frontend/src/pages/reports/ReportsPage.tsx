import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControl,
  InputLabel,
  ListItemText,
  MenuItem,
  Paper,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportApi, supervisionApi } from '../../api';
import { errorText } from '../../api/errorText';
import {
  isoDate,
  REPORT_BREAKDOWNS,
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_PERIODS,
  reportDownloadUrl,
  type AgentStateReport,
  type CallReport,
  type KpiDefinitions,
  type ReportBreakdown,
  type ReportKind,
  type ReportPeriod,
  type ReportQuery,
} from '../../api/reports';
import { useSession } from '../../session/SessionContext';
import { KpiPanel } from './KpiPanel';
import { ReportJobPanel } from './ReportJobPanel';
import { AgentStateChart, CallChart } from './ReportChart';
import { AgentStateTable, CallTable } from './ReportTable';

type Shown = { kind: 'calls'; report: CallReport } | { kind: 'agent-states'; report: AgentStateReport };

/**
 * Reports for tenant admins and supervisors: calls or agent state time over a period, as a chart
 * and a table with totals, and as CSV, XLSX or PDF files. Tenant admins also keep the KPI
 * definition here and recalculate past periods. The server narrows a supervisor to its groups.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const isAdmin = session.roles.includes('TENANT_ADMIN');
  const [report, setReport] = useState<ReportKind>('calls');
  const [by, setBy] = useState<ReportBreakdown>('group');
  const [period, setPeriod] = useState<ReportPeriod>('interval');
  const [from, setFrom] = useState(isoDate());
  const [to, setTo] = useState(isoDate());
  const [groupIds, setGroupIds] = useState<number[]>([]);
  const [kpiVersion, setKpiVersion] = useState<number | null>(null);
  const [groups, setGroups] = useState<Array<{ id: number; name: string }>>([]);
  const [definitions, setDefinitions] = useState<KpiDefinitions | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const query: ReportQuery = useMemo(
    () => ({ report, from, to, period, by: report === 'calls' ? by : undefined, groups: groupIds, kpiVersion }),
    [report, from, to, period, by, groupIds, kpiVersion],
  );

  // The groups the user watches (a supervisor's own, every group for an admin), as the supervisor page lists them.
  useEffect(() => {
    const abort = new AbortController();
    supervisionApi
      .queues(abort.signal)
      .then((queues) => setGroups(queues.map((queue) => ({ id: queue.groupId, name: queue.group }))))
      .catch(() => setGroups([]));
    return () => abort.abort();
  }, []);

  const loadDefinitions = useCallback((signal?: AbortSignal) => {
    reportApi
      .kpiDefinitions(signal)
      .then(setDefinitions)
      .catch(() => setDefinitions(null));
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    loadDefinitions(abort.signal);
    return () => abort.abort();
  }, [loadDefinitions]);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    setError(null);
    const answer: Promise<Shown> =
      query.report === 'calls'
        ? reportApi.calls(query, abort.signal).then((made) => ({ kind: 'calls', report: made }))
        : reportApi.agentStates(query, abort.signal).then((made) => ({ kind: 'agent-states', report: made }));
    answer
      .then((made) => {
        setShown(made);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (failure instanceof DOMException && failure.name === 'AbortError') return;
        setShown(null);
        setError(errorText(failure, t));
        setLoading(false);
      });
    return () => abort.abort();
  }, [query, attempt, t]);

  const language = i18n.resolvedLanguage ?? 'en';
  const made = shown?.report ?? null;

  return (
    <Stack spacing={3} data-testid="page-reports">
      <Typography variant="h4" component="h1">
        {t('pages.reports.title')}
      </Typography>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <FormControl size="small" sx={{ minWidth: 180 }}>
            <InputLabel id="report-kind">{t('reports.report')}</InputLabel>
            <Select
              labelId="report-kind"
              label={t('reports.report')}
              value={report}
              onChange={(event) => setReport(event.target.value as ReportKind)}
              native
              inputProps={{ 'data-testid': 'report-kind' }}
            >
              {REPORT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`reports.reports.${kind}`)}
                </option>
              ))}
            </Select>
          </FormControl>
          {report === 'calls' && (
            <FormControl size="small" sx={{ minWidth: 160 }}>
              <InputLabel id="report-by">{t('reports.by')}</InputLabel>
              <Select
                labelId="report-by"
                label={t('reports.by')}
                value={by}
                onChange={(event) => setBy(event.target.value as ReportBreakdown)}
                native
                inputProps={{ 'data-testid': 'report-by' }}
              >
                {REPORT_BREAKDOWNS.map((breakdown) => (
                  <option key={breakdown} value={breakdown}>
                    {t(`reports.breakdowns.${breakdown}`)}
                  </option>
                ))}
              </Select>
            </FormControl>
          )}
          <FormControl size="small" sx={{ minWidth: 140 }}>
            <InputLabel id="report-period">{t('reports.period')}</InputLabel>
            <Select
              labelId="report-period"
              label={t('reports.period')}
              value={period}
              onChange={(event) => setPeriod(event.target.value as ReportPeriod)}
              native
              inputProps={{ 'data-testid': 'report-period' }}
            >
              {REPORT_PERIODS.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`reports.periods.${choice}`)}
                </option>
              ))}
            </Select>
          </FormControl>
          <TextField
            type="date"
            size="small"
            label={t('reports.from')}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'report-from' } }}
          />
          <TextField
            type="date"
            size="small"
            label={t('reports.to')}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'report-to' } }}
          />
          <FormControl size="small" sx={{ minWidth: 200, maxWidth: 320 }}>
            <InputLabel id="report-groups" shrink>
              {t('reports.groups')}
            </InputLabel>
            <Select
              labelId="report-groups"
              label={t('reports.groups')}
              multiple
              displayEmpty
              notched
              value={groupIds}
              onChange={(event) => {
                const value = event.target.value;
                setGroupIds(typeof value === 'string' ? value.split(',').map(Number) : value);
              }}
              renderValue={(selected) =>
                selected.length === 0
                  ? t('reports.allGroups')
                  : selected.map((id) => groups.find((group) => group.id === id)?.name ?? String(id)).join(', ')
              }
              data-testid="report-groups"
            >
              {groups.map((group) => (
                <MenuItem key={group.id} value={group.id} data-testid={`report-group-${group.id}`}>
                  <Checkbox size="small" checked={groupIds.includes(group.id)} />
                  <ListItemText primary={group.name} />
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          {report === 'calls' && (
            <FormControl size="small" sx={{ minWidth: 200 }}>
              <InputLabel id="report-kpi-version" shrink>
                {t('reports.kpiVersion')}
              </InputLabel>
              <Select
                labelId="report-kpi-version"
                label={t('reports.kpiVersion')}
                displayEmpty
                notched
                value={kpiVersion === null ? '' : String(kpiVersion)}
                onChange={(event) => setKpiVersion(event.target.value === '' ? null : Number(event.target.value))}
                data-testid="report-kpi-version"
              >
                <MenuItem value="">{t('reports.kpiVersionCurrent', { version: definitions?.current ?? '–' })}</MenuItem>
                {(definitions?.versions ?? []).map((version) => (
                  <MenuItem key={version.version} value={String(version.version)}>
                    {t('reports.kpiVersionOption', { version: version.version })}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          )}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {t('reports.download')}:
          </Typography>
          {REPORT_FORMATS.map((format) => (
            <Button
              key={format}
              size="small"
              variant="outlined"
              component="a"
              href={reportDownloadUrl(query, format, language)}
              download
              data-testid={`download-${format}`}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Stack>
        <ReportJobPanel query={query} language={language} />
      </Paper>

      {error !== null && (
        <Alert
          severity="error"
          role="alert"
          data-testid="report-error"
          action={
            <Button color="inherit" size="small" onClick={() => setAttempt((count) => count + 1)}>
              {t('common.retry')}
            </Button>
          }
        >
          {error}
        </Alert>
      )}

      {loading && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="report-loading">
          <CircularProgress size={20} />
          <Typography variant="body2">{t('reports.loading')}</Typography>
        </Stack>
      )}

      {shown !== null && made !== null && (
        <Stack spacing={2} sx={{ opacity: loading ? 0.5 : 1 }}>
          {made.rows.length === 0 ? (
            <Typography color="text.secondary" data-testid="report-empty">
              {t('reports.empty')}
            </Typography>
          ) : (
            <Paper variant="outlined" sx={{ p: 2 }}>
              {shown.kind === 'calls' ? <CallChart report={shown.report} /> : <AgentStateChart report={shown.report} />}
            </Paper>
          )}
          <Paper variant="outlined">
            {shown.kind === 'calls' ? <CallTable report={shown.report} /> : <AgentStateTable report={shown.report} />}
          </Paper>
          <Box>
            <Typography variant="caption" color="text.secondary" data-testid="report-source">
              {t('reports.madeBy', {
                version: made.kpiDefinition?.version ?? '–',
                role: made.readFrom?.role ?? '–',
                server: made.readFrom?.serverId ?? '–',
                timeZone: made.timeZone,
              })}
            </Typography>
          </Box>
        </Stack>
      )}

      {isAdmin && <KpiPanel definitions={definitions} onSaved={() => loadDefinitions()} />}
    </Stack>
  );
}
