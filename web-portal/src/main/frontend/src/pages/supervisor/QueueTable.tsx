import { Box, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../api/supervision';
import { formatDuration, secondsSince } from '../agent/duration';
import { SERVICE_LEVEL_COLOURS, formatPercent, serviceLevelStatus } from './serviceLevel';

interface Props {
  queues: QueueItem[];
  now: number;
  loaded: boolean;
  /** Opens the group's fairness (how evenly its calls went round its agents). */
  onOpenFairness(group: { id: number; name: string }): void;
}

/**
 * The supervised groups' queues: callers waiting, the longest wait ticking, agents, today's service
 * level and that of the last 15 and 60 minutes ("–" while stats-service cannot give them).
 */
export function QueueTable({ queues, now, loaded, onOpenFairness }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';

  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" data-testid="queue-table" aria-label={t('supervisor.queues')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('supervisor.group')}</TableCell>
              <TableCell align="right">{t('supervisor.waiting')}</TableCell>
              <TableCell align="right">{t('supervisor.longestWait')}</TableCell>
              <TableCell align="right">{t('agentState.READY')}</TableCell>
              <TableCell align="right">{t('agentState.ON_CALL')}</TableCell>
              <TableCell align="right">{t('agentState.PAUSED')}</TableCell>
              <TableCell align="right">{t('supervisor.serviceLevelToday')}</TableCell>
              <TableCell align="right">{t('supervisor.serviceLevelLast15')}</TableCell>
              <TableCell align="right">{t('supervisor.serviceLevelLast60')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {queues.map((queue) => {
              const today = queue.today ?? null;
              const status = serviceLevelStatus(today?.serviceLevelPercent, today?.targetPercent);
              const group = queue.group;
              return (
                <TableRow key={queue.groupId} data-testid={`queue-row-${group}`} data-group-id={queue.groupId}>
                  <TableCell component="th" scope="row">
                    <Tooltip title={t('fairness.open')}>
                      <Link
                        component="button"
                        variant="body2"
                        sx={{ fontWeight: 600, display: 'block' }}
                        data-testid={`queue-fairness-${group}`}
                        onClick={() => onOpenFairness({ id: queue.groupId, name: group })}
                      >
                        {group}
                      </Link>
                    </Tooltip>
                    <Typography variant="caption" color="text.secondary">
                      {t(`strategy.${queue.strategy as 'LONGEST_IDLE'}`, { defaultValue: queue.strategy })}
                    </Typography>
                  </TableCell>
                  <TableCell align="right" data-testid={`queue-waiting-${group}`} sx={{ fontWeight: queue.waiting > 0 ? 700 : 400 }}>
                    {queue.waiting}
                  </TableCell>
                  <TableCell align="right" data-testid={`queue-longest-${group}`} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {queue.longestWaitSince === null || queue.waiting === 0 ? '–' : formatDuration(secondsSince(queue.longestWaitSince, now))}
                  </TableCell>
                  <TableCell align="right" data-testid={`queue-ready-${group}`}>
                    {queue.agents.READY ?? 0}
                  </TableCell>
                  <TableCell align="right" data-testid={`queue-oncall-${group}`}>
                    {queue.agents.ON_CALL ?? 0}
                  </TableCell>
                  <TableCell align="right" data-testid={`queue-paused-${group}`}>
                    {queue.agents.PAUSED ?? 0}
                  </TableCell>
                  <TableCell align="right" data-testid={`queue-sl-${group}`} data-status={status}>
                    {today === null ? (
                      '–'
                    ) : (
                      <Tooltip
                        title={t('supervisor.serviceLevelDetail', {
                          within: today.answeredWithinTarget,
                          answered: today.answered,
                          offered: today.offered,
                          abandoned: today.abandoned,
                          seconds: today.targetSeconds,
                        })}
                      >
                        <Box component="span" sx={{ color: SERVICE_LEVEL_COLOURS[status], fontWeight: 700 }}>
                          {formatPercent(today.serviceLevelPercent, language)}
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                            {t('supervisor.target', { percent: today.targetPercent, seconds: today.targetSeconds })}
                          </Typography>
                        </Box>
                      </Tooltip>
                    )}
                  </TableCell>
                  {([15, 60] as const).map((minutes) => {
                    const percent = minutes === 15 ? today?.serviceLevelLast15Percent : today?.serviceLevelLast60Percent;
                    const recent = serviceLevelStatus(percent, today?.targetPercent);
                    return (
                      <TableCell key={minutes} align="right" data-testid={`queue-sl${minutes}-${group}`} data-status={recent}>
                        <Box component="span" sx={{ color: SERVICE_LEVEL_COLOURS[recent] }}>
                          {formatPercent(percent, language)}
                        </Box>
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
            {loaded && queues.length === 0 && (
              <TableRow>
                <TableCell colSpan={9} data-testid="queue-table-empty">
                  {t('supervisor.noQueues')}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
