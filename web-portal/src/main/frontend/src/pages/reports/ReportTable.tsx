import { Table, TableBody, TableCell, TableContainer, TableFooter, TableHead, TableRow } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  formatCount,
  formatPercent,
  formatSeconds,
  periodLabel,
  type AgentStateFigures,
  type CallFigures,
  type Report,
  type ReportPeriod,
} from '../../api/reports';

/** One column of the table: its heading, and how a row's (or the totals') figure is shown. */
interface Column<Figures> {
  id: string;
  heading: string;
  show: (figures: Figures) => string;
}

function callColumns(t: TFunction, language: string): Array<Column<CallFigures>> {
  const count = (pick: (figures: CallFigures) => number | null | undefined) => (figures: CallFigures) => formatCount(pick(figures), language);
  return [
    { id: 'offered', heading: t('reports.columns.offered'), show: count((figures) => figures.offered) },
    { id: 'answered', heading: t('reports.columns.answered'), show: count((figures) => figures.answered) },
    { id: 'answeredWithinTarget', heading: t('reports.columns.answeredWithinTarget'), show: count((figures) => figures.answeredWithinTarget) },
    { id: 'abandoned', heading: t('reports.columns.abandoned'), show: count((figures) => figures.abandoned) },
    { id: 'shortAbandoned', heading: t('reports.columns.shortAbandoned'), show: count((figures) => figures.shortAbandoned) },
    { id: 'voicemails', heading: t('reports.columns.voicemails'), show: count((figures) => figures.voicemails) },
    { id: 'callbacks', heading: t('reports.columns.callbacks'), show: count((figures) => figures.callbacks) },
    { id: 'transfers', heading: t('reports.columns.transfers'), show: count((figures) => figures.transfers) },
    { id: 'serviceLevel', heading: t('reports.columns.serviceLevel'), show: (figures) => formatPercent(figures.serviceLevelPercent, language) },
    { id: 'abandonRate', heading: t('reports.columns.abandonRate'), show: (figures) => formatPercent(figures.abandonRatePercent, language) },
    { id: 'asa', heading: t('reports.columns.asa'), show: (figures) => formatSeconds(figures.asaSeconds) },
    { id: 'aht', heading: t('reports.columns.aht'), show: (figures) => formatSeconds(figures.ahtSeconds) },
    { id: 'longestWait', heading: t('reports.columns.longestWait'), show: (figures) => formatSeconds(figures.longestWaitSeconds) },
    { id: 'outbound', heading: t('reports.columns.outbound'), show: count((figures) => figures.outbound ?? 0) },
    { id: 'outboundTalk', heading: t('reports.columns.outboundTalk'), show: (figures) => formatSeconds(figures.outboundTalkSeconds) },
  ];
}

function agentStateColumns(t: TFunction, language: string): Array<Column<AgentStateFigures>> {
  return [
    { id: 'loggedIn', heading: t('reports.columns.loggedIn'), show: (figures) => formatSeconds(figures.loggedInSeconds) },
    { id: 'ready', heading: t('reports.columns.ready'), show: (figures) => formatSeconds(figures.readySeconds) },
    { id: 'ringing', heading: t('reports.columns.ringing'), show: (figures) => formatSeconds(figures.ringingSeconds) },
    { id: 'onCall', heading: t('reports.columns.onCall'), show: (figures) => formatSeconds(figures.onCallSeconds) },
    { id: 'wrapUp', heading: t('reports.columns.wrapUp'), show: (figures) => formatSeconds(figures.wrapUpSeconds) },
    { id: 'paused', heading: t('reports.columns.paused'), show: (figures) => formatSeconds(figures.pausedSeconds) },
    { id: 'occupancy', heading: t('reports.columns.occupancy'), show: (figures) => formatPercent(figures.occupancyPercent, language) },
    { id: 'utilisation', heading: t('reports.columns.utilisation'), show: (figures) => formatPercent(figures.utilisationPercent, language) },
  ];
}

/** The report's rows with their figures, and the totals below. */
function FigureTable<Figures>({ report, columns }: { report: Report<Figures>; columns: Array<Column<Figures>> }) {
  const { t } = useTranslation();
  const severalDays = report.from !== report.to;
  const showsNames = report.rows.some((row) => row.name != null || row.key != null);
  return (
    <TableContainer sx={{ maxHeight: 560 }}>
      <Table size="small" stickyHeader data-testid="report-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('reports.columns.period')}</TableCell>
            {showsNames && <TableCell>{t('reports.columns.name')}</TableCell>}
            {columns.map((column) => (
              <TableCell key={column.id} align="right">
                {column.heading}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((row) => (
            <TableRow key={`${row.periodStart} ${row.key ?? ''}`} hover data-testid="report-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{periodLabel(row.periodStart, report.period as ReportPeriod, severalDays)}</TableCell>
              {showsNames && <TableCell>{row.name ?? row.key ?? '–'}</TableCell>}
              {columns.map((column) => (
                <TableCell key={column.id} align="right">
                  {column.show(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow data-testid="report-totals">
            <TableCell sx={{ fontWeight: 700 }}>{t('reports.total')}</TableCell>
            {showsNames && <TableCell />}
            {columns.map((column) => (
              <TableCell key={column.id} align="right" sx={{ fontWeight: 700 }}>
                {column.show(report.totals)}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      </Table>
    </TableContainer>
  );
}

export function CallTable({ report }: { report: Report<CallFigures> }) {
  const { t, i18n } = useTranslation();
  return <FigureTable report={report} columns={callColumns(t, i18n.resolvedLanguage ?? 'en')} />;
}

export function AgentStateTable({ report }: { report: Report<AgentStateFigures> }) {
  const { t, i18n } = useTranslation();
  return <FigureTable report={report} columns={agentStateColumns(t, i18n.resolvedLanguage ?? 'en')} />;
}
