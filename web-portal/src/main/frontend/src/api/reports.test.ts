import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchFunction } from './client';
import {
  agentTimes,
  callPeriods,
  formatPercent,
  formatSeconds,
  isoDate,
  periodLabel,
  ReportApi,
  reportDownloadUrl,
  reportJobBody,
  reportJobFileUrl,
  reportPath,
  type ReportQuery,
} from './reports';

const CALLS: ReportQuery = { report: 'calls', from: '2026-12-05', to: '2026-12-05', period: 'interval', by: 'group', groups: [3, 4], kpiVersion: 2 };

describe('report queries', () => {
  it('name every group once and the KPI version of a calls report', () => {
    expect(reportPath(CALLS)).toBe('/reports/calls?from=2026-12-05&to=2026-12-05&period=interval&by=group&group=3&group=4&kpiVersion=2');
  });

  it('leave out what the agent-state report does not know and what is not chosen', () => {
    expect(reportPath({ ...CALLS, report: 'agent-states', groups: [], kpiVersion: null })).toBe(
      '/reports/agent-states?from=2026-12-05&to=2026-12-05&period=interval',
    );
    expect(reportPath({ ...CALLS, groups: [], kpiVersion: null })).toBe('/reports/calls?from=2026-12-05&to=2026-12-05&period=interval&by=group');
  });

  it('download files in the language of the page', () => {
    expect(reportDownloadUrl(CALLS, 'xlsx', 'de')).toBe(
      '/api/v1/reports/calls?from=2026-12-05&to=2026-12-05&period=interval&by=group&group=3&group=4&kpiVersion=2&format=xlsx&lang=de',
    );
  });

  it('are sent with the session, and a refusal carries the field the service names', async () => {
    const seen: string[] = [];
    const fetchFunction: FetchFunction = async (url) => {
      seen.push(url);
      return new Response(JSON.stringify({ status: 422, detail: 'to is before from', errors: [{ field: 'to', message: 'before from' }] }), {
        status: 422,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    };
    const failure = await new ReportApi(new ApiClient(fetchFunction, '/api/v1')).calls(CALLS).catch((error: unknown) => error);
    expect(seen).toEqual(['/api/v1/reports/calls?from=2026-12-05&to=2026-12-05&period=interval&by=group&group=3&group=4&kpiVersion=2']);
    expect((failure as { detail: string }).detail).toBe('to is before from');
  });
});

describe('report figures', () => {
  it('show seconds as minutes or hours, and absent figures as a dash', () => {
    expect(formatSeconds(12.5)).toBe('0:13');
    expect(formatSeconds(95)).toBe('1:35');
    expect(formatSeconds(3723)).toBe('1:02:03');
    expect(formatSeconds(undefined)).toBe('–');
    expect(formatSeconds(null)).toBe('–');
  });

  it('show percentages with one decimal in the language of the page', () => {
    expect(formatPercent(77.8, 'en')).toBe('77.8 %');
    expect(formatPercent(77.8, 'de')).toBe('77,8 %');
    expect(formatPercent(100, 'en')).toBe('100.0 %');
    expect(formatPercent(undefined, 'en')).toBe('–');
  });

  it("label periods in the tenant's own time, with the day when the report spans several", () => {
    expect(periodLabel('2026-12-05T08:15:00+01:00', 'interval', false)).toBe('08:15');
    expect(periodLabel('2026-12-05T08:00:00+01:00', 'hour', true)).toBe('05.12. 08:00');
    expect(periodLabel('2026-11-30T00:00:00+01:00', 'week', false)).toBe('30.11.2026');
    expect(periodLabel('2026-12-01T00:00:00+01:00', 'month', false)).toBe('12/2026');
  });

  it('write dates as the report asks for them', () => {
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('sum the calls of every group per period for the chart, weighting the service level by calls offered', () => {
    const figures = { answeredWithinTarget: 0, shortAbandoned: 0, voicemails: 0, callbacks: 0, left: 0, handled: 0, transfers: 0 };
    const periods = callPeriods([
      { periodStart: '2026-12-05T08:15:00+01:00', key: '3', offered: 1, answered: 1, abandoned: 0, ...figures },
      { periodStart: '2026-12-05T08:00:00+01:00', key: '3', offered: 10, answered: 8, abandoned: 2, serviceLevelPercent: 80, ...figures },
      { periodStart: '2026-12-05T08:00:00+01:00', key: '4', offered: 30, answered: 30, abandoned: 0, serviceLevelPercent: 100, ...figures },
    ]);
    expect(periods).toEqual([
      { periodStart: '2026-12-05T08:00:00+01:00', offered: 40, answered: 38, abandoned: 2, serviceLevelPercent: 95 },
      { periodStart: '2026-12-05T08:15:00+01:00', offered: 1, answered: 1, abandoned: 0, serviceLevelPercent: null },
    ]);
  });

  it("sum each agent's state time over the periods for the chart", () => {
    expect(
      agentTimes([
        { periodStart: '2026-12-05T08:00:00+01:00', key: '1001', name: 'Anna', readySeconds: 600, onCallSeconds: 200, pausedSeconds: 100 },
        { periodStart: '2026-12-05T08:15:00+01:00', key: '1001', name: 'Anna', readySeconds: 60, wrapUpSeconds: 30 },
      ]),
    ).toEqual([{ key: '1001', name: 'Anna', readySeconds: 660, onCallSeconds: 200, wrapUpSeconds: 30, pausedSeconds: 100 }]);
  });
});

describe('report jobs', () => {
  it('start with the parameters of the report on screen, calls-only ones only for calls', () => {
    const calls = reportJobBody({ report: 'calls', from: '2026-11-01', to: '2026-11-30', period: 'interval', by: 'agent', groups: [3, 4], kpiVersion: 2 }, 'xlsx', 'de');
    expect(calls).toEqual({ report: 'calls', from: '2026-11-01', to: '2026-11-30', period: 'interval', by: 'agent', group: [3, 4], kpiVersion: 2, format: 'xlsx', lang: 'de' });
    const states = reportJobBody({ report: 'agent-states', from: '2026-11-01', to: '2026-11-30', period: 'day', by: 'agent', groups: [], kpiVersion: 2 }, 'csv', 'en');
    expect(states).not.toHaveProperty('by');
    expect(states).not.toHaveProperty('kpiVersion');
  });

  it('download their file below the API', () => {
    expect(reportJobFileUrl(7, '/api/v1')).toBe('/api/v1/report-jobs/7/file');
  });
});
