import { Alert, Box, Button, Paper, Stack, ThemeProvider, Typography } from '@mui/material';
import { createTheme } from '@mui/material/styles';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveIndicator } from '../../components/LiveIndicator';
import { theme as appTheme } from '../../theme';
import { formatDuration, secondsSince } from '../agent/duration';
import { useNow } from '../agent/useNow';
import { formatPercent, serviceLevelStatus, type ServiceLevelStatus } from '../supervisor/serviceLevel';
import { useWallboard } from './useWallboard';
import { WaitingChart } from './WaitingChart';

/** Dark and high-contrast, to be read from across the room. */
const wallboardTheme = createTheme({
  palette: {
    mode: 'dark',
    background: { default: '#0b0f14', paper: '#131a23' },
  },
  typography: appTheme.typography,
});

/** Lighter than the tables' colours: they are read on a dark background. */
const SERVICE_LEVEL_ON_DARK: Record<ServiceLevelStatus, string | undefined> = {
  met: '#66bb6a',
  close: '#ffa726',
  missed: '#ef5350',
  none: undefined,
};

function Figure({ label, testId, colour, children, status }: { label: string; testId: string; colour?: string; status?: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="overline" sx={{ color: 'text.secondary', lineHeight: 1.2, display: 'block', fontSize: '0.85rem' }}>
        {label}
      </Typography>
      <Typography
        component="p"
        data-testid={testId}
        data-status={status}
        sx={{ fontSize: { xs: '2.5rem', md: '3.5rem' }, fontWeight: 700, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums', color: colour }}
      >
        {children}
      </Typography>
    </Box>
  );
}

/** Big live numbers per group for a screen on the wall, with the last half hour of waiting callers. */
export function WallboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const board = useWallboard();
  const now = useNow(1000);
  const page = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const follow = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === page.current);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement !== null) {
      void document.exitFullscreen().catch(() => undefined);
    } else {
      void page.current?.requestFullscreen?.().catch(() => undefined);
    }
  };

  return (
    <ThemeProvider theme={wallboardTheme}>
      <Box
        ref={page}
        data-testid="page-wallboard"
        data-fullscreen={fullscreen}
        sx={{ bgcolor: 'background.default', color: 'text.primary', borderRadius: fullscreen ? 0 : 2, p: { xs: 2, md: 3 }, minHeight: fullscreen ? '100vh' : '80vh', overflow: 'auto' }}
      >
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 3, flexWrap: 'wrap' }}>
          <Typography variant="h3" component="h1" sx={{ fontWeight: 700, flexGrow: 1 }}>
            {t('pages.wallboard.title')}
          </Typography>
          <Typography variant="h4" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="wallboard-clock">
            {new Date(now).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' })}
          </Typography>
          <LiveIndicator live={board.live} dark />
          <Button variant="outlined" color="inherit" onClick={toggleFullscreen} data-testid="wallboard-fullscreen">
            {fullscreen ? t('wallboard.exitFullscreen') : t('wallboard.fullscreen')}
          </Button>
        </Stack>

        {board.error !== null && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="wallboard-error">
            {board.error}
          </Alert>
        )}
        {board.loaded && !board.todayAvailable && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="wallboard-today-unavailable">
            {t('supervisor.todayUnavailable')}
          </Alert>
        )}
        {board.loaded && board.queues.length === 0 && (
          <Typography variant="h5" color="text.secondary" data-testid="wallboard-empty">
            {t('supervisor.noQueues')}
          </Typography>
        )}

        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, 1fr)', xl: 'repeat(3, 1fr)' } }}>
          {board.queues.map((queue) => {
            const group = queue.group;
            const today = queue.today ?? null;
            const status = serviceLevelStatus(today?.serviceLevelPercent, today?.targetPercent);
            return (
              <Paper key={queue.groupId} elevation={3} sx={{ p: 3 }} data-testid={`wallboard-group-${group}`}>
                <Typography variant="h4" component="h2" sx={{ fontWeight: 700, mb: 2 }} noWrap>
                  {group}
                </Typography>
                <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(2, 1fr)', mb: 2 }}>
                  <Figure label={t('supervisor.waiting')} testId={`wallboard-waiting-${group}`} colour={queue.waiting > 0 ? '#ffb74d' : undefined}>
                    {queue.waiting}
                  </Figure>
                  <Figure label={t('supervisor.longestWait')} testId={`wallboard-longest-${group}`}>
                    {queue.longestWaitSince === null || queue.waiting === 0 ? '–' : formatDuration(secondsSince(queue.longestWaitSince, now))}
                  </Figure>
                  <Figure
                    label={t('wallboard.serviceLevel', { percent: today?.targetPercent ?? 80, seconds: today?.targetSeconds ?? 20 })}
                    testId={`wallboard-sl-${group}`}
                    status={status}
                    colour={SERVICE_LEVEL_ON_DARK[status]}
                  >
                    {formatPercent(today?.serviceLevelPercent, language)}
                  </Figure>
                  <Figure label={t('wallboard.agentsReady')} testId={`wallboard-ready-${group}`} colour="#81c784">
                    {queue.agents.READY ?? 0}
                  </Figure>
                  {([15, 60] as const).map((minutes) => {
                    const percent = minutes === 15 ? today?.serviceLevelLast15Percent : today?.serviceLevelLast60Percent;
                    const recent = serviceLevelStatus(percent, today?.targetPercent);
                    return (
                      <Figure
                        key={minutes}
                        label={t('wallboard.serviceLevelLast', { minutes })}
                        testId={`wallboard-sl${minutes}-${group}`}
                        status={recent}
                        colour={SERVICE_LEVEL_ON_DARK[recent]}
                      >
                        {formatPercent(percent, language)}
                      </Figure>
                    );
                  })}
                </Box>
                <Typography variant="caption" color="text.secondary">
                  {t('wallboard.chartTitle')}
                </Typography>
                <WaitingChart samples={board.history[queue.groupId] ?? []} now={now} testId={`wallboard-chart-${group}`} />
              </Paper>
            );
          })}
        </Box>
      </Box>
    </ThemeProvider>
  );
}
