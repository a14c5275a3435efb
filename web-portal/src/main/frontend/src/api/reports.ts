import { formatDuration } from '../pages/agent/duration';
import type { ApiClient } from './client';
import { API_BASE } from './client';

/** The reports stats-service makes, as the portal's paths name them. */
export const REPORT_KINDS = ['calls', 'agent-states'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** `interval` is the 15-minute slice. */
export const REPORT_PERIODS = ['interval', 'hour', 'day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** What the calls report's rows are per (the agent-state report is always per agent). */
export const REPORT_BREAKDOWNS = ['group', 'agent', 'number', 'disposition', 'none'] as const;
export type ReportBreakdown = (typeof REPORT_BREAKDOWNS)[number];

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = 'json' | (typeof REPORT_FORMATS)[number];

export const SERVICE_LEVEL_VARIANTS = ['ABANDONS_EXCLUDED', 'ABANDONS_AGAINST', 'ABANDONS_WITHIN_TARGET_FOR'] as const;
export type ServiceLevelVariant = (typeof SERVICE_LEVEL_VARIANTS)[number];

/** What a report is asked for; dates are the tenant's days (`2026-12-05`), both inclusive. */
export interface ReportQuery {
  report: ReportKind;
  from: string;
  to: string;
  period: ReportPeriod;
  /** Calls only. */
  by?: ReportBreakdown;
  /** Group ids; empty for every group the user may see. */
  groups: readonly number[];
  /** Calls only; null or absent for the tenant's current definition. */
  kpiVersion?: number | null;
}

/** How the figures were made: `kpiDefinition` of a report, an entry of `GET /kpi-definitions`. */
export interface KpiSettings {
  serviceLevel: ServiceLevelVariant;
  shortAbandonsExcluded: boolean;
  wrapUpInHandleTime: boolean;
}

export interface KpiDefinition extends KpiSettings {
  version: number;
  createdAt?: string;
  createdBy?: string;
}

export interface KpiDefinitions {
  current: number;
  versions: KpiDefinition[];
}

/** Percent and second figures are absent when there was nothing to measure (no calls). */
export interface CallFigures {
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  abandoned: number;
  shortAbandoned: number;
  voicemails: number;
  callbacks: number;
  left: number;
  handled: number;
  transfers: number;
  serviceLevelPercent?: number | null;
  abandonRatePercent?: number | null;
  asaSeconds?: number | null;
  ahtSeconds?: number | null;
  longestWaitSeconds?: number | null;
  talkSeconds?: number | null;
  wrapUpSeconds?: number | null;
  /** Agents' outbound calls, apart from the queue figures above. */
  outbound?: number;
  outboundAnswered?: number;
  outboundTalkSeconds?: number | null;
}

export interface AgentStateFigures {
  loggedInSeconds?: number | null;
  readySeconds?: number | null;
  ringingSeconds?: number | null;
  onCallSeconds?: number | null;
  wrapUpSeconds?: number | null;
  pausedSeconds?: number | null;
  /** Paused seconds per pause reason code. */
  pausedByReason?: Record<string, number> | null;
  occupancyPercent?: number | null;
  utilisationPercent?: number | null;
}

/** Which row of what: the period's start (with the tenant's offset), the group, agent, number or disposition. */
export interface ReportRowKey {
  periodStart: string;
  key?: string | null;
  name?: string | null;
}

export interface Report<Figures> {
  tenant: string;
  timeZone: string;
  from: string;
  to: string;
  period: ReportPeriod;
  by?: ReportBreakdown;
  kpiDefinition?: KpiDefinition | null;
  /** The database server the figures were read from. */
  readFrom?: { role: string; serverId: number | string } | null;
  rows: Array<ReportRowKey & Figures>;
  totals: Figures;
}

export type CallReport = Report<CallFigures>;
export type AgentStateReport = Report<AgentStateFigures>;

export type RecalculationState = 'RUNNING' | 'DONE' | 'FAILED';

export interface Recalculation {
  id: number;
  state: RecalculationState | string;
  slicesDone: number;
  slicesTotal: number;
  from: string;
  to: string;
}

/** The query parameters of a report, `group` once per group; `format` and `lang` for files. */
export function reportParameters(query: ReportQuery, format: ReportFormat = 'json', lang?: string): URLSearchParams {
  const parameters = new URLSearchParams();
  parameters.set('from', query.from);
  parameters.set('to', query.to);
  parameters.set('period', query.period);
  if (query.report === 'calls' && query.by !== undefined) parameters.set('by', query.by);
  for (const group of query.groups) parameters.append('group', String(group));
  if (query.report === 'calls' && query.kpiVersion != null) parameters.set('kpiVersion', String(query.kpiVersion));
  if (format !== 'json') parameters.set('format', format);
  if (lang !== undefined) parameters.set('lang', lang);
  return parameters;
}

/** `/reports/calls?from=…` below the API's base. */
export function reportPath(query: ReportQuery, format: ReportFormat = 'json', lang?: string): string {
  return `/reports/${query.report}?${reportParameters(query, format, lang).toString()}`;
}

/** Where a download link fetches the report as a file (a GET with the session cookie; the server names the file). */
export function reportDownloadUrl(query: ReportQuery, format: Exclude<ReportFormat, 'json'>, lang: string, base: string = API_BASE): string {
  return base + reportPath(query, format, lang);
}

/** Seconds as `m:ss` or `h:mm:ss`; "–" when the figure is absent. */
export function formatSeconds(seconds: number | null | undefined): string {
  return seconds == null || Number.isNaN(seconds) ? '–' : formatDuration(Math.round(seconds));
}

/** A percentage with one decimal in the user's language; "–" when absent. */
export function formatPercent(percent: number | null | undefined, language: string): string {
  if (percent == null || Number.isNaN(percent)) return '–';
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(percent)} %`;
}

/** A count; "–" when absent. */
export function formatCount(count: number | null | undefined, language: string): string {
  return count == null || Number.isNaN(count) ? '–' : new Intl.NumberFormat(language).format(count);
}

/** Today in the browser's time zone, as the report's dates are written. */
export function isoDate(date: Date = new Date()): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/**
 * A period's start as the axis and table show it: the time for 15 minutes and hours (with the
 * day when the report spans several), the day for days and weeks, month and year for months.
 * Read from the text itself, so it is the tenant's local time whatever the browser's zone.
 */
export function periodLabel(periodStart: string, period: ReportPeriod, severalDays: boolean): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(periodStart);
  if (match === null) return periodStart;
  const [, year, month, day, hour = '00', minute = '00'] = match;
  switch (period) {
    case 'interval':
    case 'hour':
      return severalDays ? `${day}.${month}. ${hour}:${minute}` : `${hour}:${minute}`;
    case 'day':
    case 'week':
      return `${day}.${month}.${year}`;
    case 'month':
      return `${month}/${year}`;
  }
}

/** The calls chart's figures: one entry per period, summed over the rows' groups, agents, numbers. */
export interface CallPeriod {
  periodStart: string;
  offered: number;
  answered: number;
  abandoned: number;
  /**
   * The period's service level: the row's own when there is one row; with several, their levels
   * weighted by calls offered (an approximation; the table's totals are the service's own).
   */
  serviceLevelPercent: number | null;
}

export function callPeriods(rows: ReadonlyArray<ReportRowKey & CallFigures>): CallPeriod[] {
  const byPeriod = new Map<string, { offered: number; answered: number; abandoned: number; levels: Array<[number, number]> }>();
  for (const row of rows) {
    const entry = byPeriod.get(row.periodStart) ?? { offered: 0, answered: 0, abandoned: 0, levels: [] };
    entry.offered += row.offered;
    entry.answered += row.answered;
    entry.abandoned += row.abandoned;
    if (row.serviceLevelPercent != null) entry.levels.push([row.serviceLevelPercent, row.offered]);
    byPeriod.set(row.periodStart, entry);
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([periodStart, entry]) => ({
      periodStart,
      offered: entry.offered,
      answered: entry.answered,
      abandoned: entry.abandoned,
      serviceLevelPercent: weightedLevel(entry.levels),
    }));
}

function weightedLevel(levels: ReadonlyArray<[number, number]>): number | null {
  if (levels.length === 0) return null;
  if (levels.length === 1) return levels[0]?.[0] ?? null;
  const weight = levels.reduce((sum, [, offered]) => sum + offered, 0);
  if (weight === 0) return levels.reduce((sum, [level]) => sum + level, 0) / levels.length;
  return Math.round((levels.reduce((sum, [level, offered]) => sum + level * offered, 0) / weight) * 10) / 10;
}

/** The agent-state chart's figures: one entry per agent, its seconds over the whole report. */
export interface AgentTime {
  key: string;
  name: string;
  readySeconds: number;
  onCallSeconds: number;
  wrapUpSeconds: number;
  pausedSeconds: number;
}

export function agentTimes(rows: ReadonlyArray<ReportRowKey & AgentStateFigures>): AgentTime[] {
  const byAgent = new Map<string, AgentTime>();
  for (const row of rows) {
    const key = row.key ?? row.name ?? '';
    const agent = byAgent.get(key) ?? { key, name: row.name ?? key, readySeconds: 0, onCallSeconds: 0, wrapUpSeconds: 0, pausedSeconds: 0 };
    agent.readySeconds += row.readySeconds ?? 0;
    agent.onCallSeconds += row.onCallSeconds ?? 0;
    agent.wrapUpSeconds += row.wrapUpSeconds ?? 0;
    agent.pausedSeconds += row.pausedSeconds ?? 0;
    byAgent.set(key, agent);
  }
  return [...byAgent.values()];
}

export function isFinished(job: { state: string }): boolean {
  return job.state === 'DONE' || job.state === 'FAILED';
}

/** A report run as a job: it lands in the tenant's stored files (category reports). */
export interface ReportJob {
  id: number;
  report: string;
  format: string;
  state: RecalculationState | string;
  progressPercent: number;
  rows?: number;
  fileName?: string;
  fileSize?: number;
  failure?: string;
}

/** The JSON body that starts a report job with the same parameters as the report on screen. */
export function reportJobBody(query: ReportQuery, format: Exclude<ReportFormat, 'json'>, lang: string): Record<string, unknown> {
  const body: Record<string, unknown> = { report: query.report, from: query.from, to: query.to, period: query.period, group: [...query.groups], format, lang };
  if (query.report === 'calls' && query.by !== undefined) body.by = query.by;
  if (query.report === 'calls' && query.kpiVersion != null) body.kpiVersion = query.kpiVersion;
  return body;
}

/** Where a finished job's file is downloaded (a GET with the session cookie). */
export function reportJobFileUrl(id: number, base: string = API_BASE): string {
  return `${base}/report-jobs/${encodeURIComponent(String(id))}/file`;
}

/** Reports, KPI definitions and recalculations: the portal forwards them to the statistics service. */
export class ReportApi {
  constructor(private readonly client: ApiClient) {}

  calls(query: ReportQuery, signal?: AbortSignal): Promise<CallReport> {
    return this.client.get<CallReport>(reportPath({ ...query, report: 'calls' }), { signal });
  }

  agentStates(query: ReportQuery, signal?: AbortSignal): Promise<AgentStateReport> {
    return this.client.get<AgentStateReport>(reportPath({ ...query, report: 'agent-states' }), { signal });
  }

  kpiDefinitions(signal?: AbortSignal): Promise<KpiDefinitions> {
    return this.client.get<KpiDefinitions>('/kpi-definitions', { signal });
  }

  /** Saves a new KPI definition version; it becomes current. */
  defineKpis(settings: KpiSettings): Promise<KpiDefinition> {
    return this.client.post<KpiDefinition>('/kpi-definitions', settings);
  }

  recalculate(from: string, to: string): Promise<Recalculation> {
    return this.client.post<Recalculation>('/recalculations', { from, to });
  }

  recalculation(id: number, signal?: AbortSignal): Promise<Recalculation> {
    return this.client.get<Recalculation>(`/recalculations/${encodeURIComponent(String(id))}`, { signal });
  }

  startReportJob(query: ReportQuery, format: Exclude<ReportFormat, 'json'>, lang: string): Promise<ReportJob> {
    return this.client.post<ReportJob>('/report-jobs', reportJobBody(query, format, lang));
  }

  reportJob(id: number, signal?: AbortSignal): Promise<ReportJob> {
    return this.client.get<ReportJob>(`/report-jobs/${encodeURIComponent(String(id))}`, { signal });
  }
}
