import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentApi } from '../../api';
import type { AgentToday } from '../../api/agents';
import { formatDuration } from './duration';

/**
 * The agent's figures for today, read again whenever {@code refreshKey} changes (the desktop
 * passes the agent's state, so a finished call shows up as soon as wrap-up starts).
 */
export function TodayFigures({ extension, refreshKey }: { extension: string; refreshKey: string }) {
  const { t } = useTranslation();
  const [today, setToday] = useState<AgentToday | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    agentApi
      .today(extension, abort.signal)
      .then((figures) => {
        setToday(figures);
        setUnavailable(false);
      })
      .catch(() => {
        // Figures are a convenience: the desktop works without them, and says so.
        if (!abort.signal.aborted) setUnavailable(true);
      });
    return () => abort.abort();
  }, [extension, refreshKey]);

  return (
    <Card variant="outlined" data-testid="today-figures">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('today.title')}
        </Typography>
        {today === null ? (
          <Typography color="text.secondary" data-testid={unavailable ? 'today-unavailable' : undefined}>
            {unavailable ? t('today.unavailable') : t('today.loading')}
          </Typography>
        ) : (
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(2, 1fr)' }}>
            <Figure label={t('today.answered')} value={String(today.answered)} testId="today-answered" />
            <Figure label={t('today.talkTime')} value={formatDuration(today.talkSeconds)} testId="today-talk" />
            <Figure label={t('today.averageTalk')} value={formatDuration(today.averageTalkSeconds)} testId="today-average" />
            <Figure label={t('today.longestTalk')} value={formatDuration(today.longestTalkSeconds)} testId="today-longest" />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack>
      <Typography variant="h5" data-testid={testId}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Stack>
  );
}
