import { BarChart } from '@mui/x-charts/BarChart';
import { BarPlot } from '@mui/x-charts/BarChart';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsGrid } from '@mui/x-charts/ChartsGrid';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsWrapper } from '@mui/x-charts/ChartsWrapper';
import { ChartsXAxis } from '@mui/x-charts/ChartsXAxis';
import { ChartsYAxis } from '@mui/x-charts/ChartsYAxis';
import { LinePlot, MarkPlot } from '@mui/x-charts/LineChart';
import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  agentTimes,
  callPeriods,
  formatSeconds,
  periodLabel,
  type AgentStateReport,
  type CallReport,
  type ReportPeriod,
} from '../../api/reports';

const HEIGHT = 320;

/** Offered, answered and abandoned calls per period as bars, the service level as a line on its own axis. */
export function CallChart({ report }: { report: CallReport }) {
  const { t } = useTranslation();
  const periods = useMemo(() => callPeriods(report.rows), [report]);
  const severalDays = report.from !== report.to;
  const labels = periods.map((period) => periodLabel(period.periodStart, report.period as ReportPeriod, severalDays));
  return (
    <div data-testid="report-chart" data-points={periods.length}>
      <Typography variant="subtitle2" component="h2">
        {t('reports.chartCalls')}
      </Typography>
      {/* The legend reads the chart's data too: the provider holds both it and the surface. */}
      <ChartsDataProvider
        height={HEIGHT}
        skipAnimation
        xAxis={[{ id: 'periods', scaleType: 'band', data: labels }]}
        yAxis={[
          { id: 'calls', min: 0, tickMinStep: 1, width: 40 },
          { id: 'percent', min: 0, max: 100, position: 'right', width: 52, valueFormatter: (value: number) => `${value} %` },
        ]}
        series={[
          { type: 'bar', yAxisId: 'calls', label: t('reports.columns.offered'), data: periods.map((period) => period.offered), color: '#90caf9' },
          { type: 'bar', yAxisId: 'calls', label: t('reports.columns.answered'), data: periods.map((period) => period.answered), color: '#66bb6a' },
          { type: 'bar', yAxisId: 'calls', label: t('reports.columns.abandoned'), data: periods.map((period) => period.abandoned), color: '#ef5350' },
          {
            type: 'line',
            yAxisId: 'percent',
            label: t('reports.columns.serviceLevel'),
            data: periods.map((period) => period.serviceLevelPercent),
            connectNulls: false,
            color: '#ffa726',
            valueFormatter: (value: number | null) => (value == null ? '–' : `${value} %`),
          },
        ]}
      >
        <ChartsWrapper legendPosition={{ vertical: 'bottom', horizontal: 'center' }}>
          <ChartsSurface>
            <ChartsGrid horizontal />
            <BarPlot />
            <LinePlot />
            <MarkPlot />
            <ChartsXAxis axisId="periods" />
            <ChartsYAxis axisId="calls" />
            <ChartsYAxis axisId="percent" />
            <ChartsTooltip />
          </ChartsSurface>
          <ChartsLegend />
        </ChartsWrapper>
      </ChartsDataProvider>
    </div>
  );
}

/** Each agent's time ready, on calls, in wrap-up and paused, stacked. */
export function AgentStateChart({ report }: { report: AgentStateReport }) {
  const { t } = useTranslation();
  const agents = useMemo(() => agentTimes(report.rows), [report]);
  const seconds = (value: number | null) => formatSeconds(value);
  return (
    <div data-testid="report-chart" data-points={agents.length}>
      <Typography variant="subtitle2" component="h2">
        {t('reports.chartAgents')}
      </Typography>
      <BarChart
        height={Math.max(HEIGHT, agents.length * 28 + 80)}
        skipAnimation
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: agents.map((agent) => agent.name), width: 120 }]}
        xAxis={[{ min: 0, valueFormatter: (value: number) => formatSeconds(value) }]}
        series={[
          { stack: 'time', label: t('reports.columns.ready'), data: agents.map((agent) => agent.readySeconds), color: '#66bb6a', valueFormatter: seconds },
          { stack: 'time', label: t('reports.columns.onCall'), data: agents.map((agent) => agent.onCallSeconds), color: '#42a5f5', valueFormatter: seconds },
          { stack: 'time', label: t('reports.columns.wrapUp'), data: agents.map((agent) => agent.wrapUpSeconds), color: '#ab47bc', valueFormatter: seconds },
          { stack: 'time', label: t('reports.columns.paused'), data: agents.map((agent) => agent.pausedSeconds), color: '#ffa726', valueFormatter: seconds },
        ]}
        grid={{ vertical: true }}
      />
    </div>
  );
}
