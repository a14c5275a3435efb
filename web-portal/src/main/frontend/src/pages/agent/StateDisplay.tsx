import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AgentStateDocument, AgentStateName } from '../../api/agents';
import { formatDuration, secondsSince } from './duration';
import { useNow } from './useNow';

/** A colour per state, so the state can be told from across the room. */
const STATE_COLOURS: Record<AgentStateName, { bg: string; fg: string }> = {
  LOGGED_OUT: { bg: '#e0e0e0', fg: '#424242' },
  READY: { bg: '#2e7d32', fg: '#ffffff' },
  PAUSED: { bg: '#ed6c02', fg: '#ffffff' },
  RESERVED: { bg: '#0288d1', fg: '#ffffff' },
  RINGING: { bg: '#0277bd', fg: '#ffffff' },
  ON_CALL: { bg: '#c62828', fg: '#ffffff' },
  WRAP_UP: { bg: '#6a1b9a', fg: '#ffffff' },
};

interface Props {
  state: AgentStateDocument | null;
  reasonLabel: string | null;
  live: boolean;
}

/** The agent's current state, big, with the time in it ticking every second. */
export function StateDisplay({ state, reasonLabel, live }: Props) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const colours = state === null ? STATE_COLOURS.LOGGED_OUT : STATE_COLOURS[state.state];

  return (
    <Paper
      elevation={2}
      sx={{ p: 3, bgcolor: colours.bg, color: colours.fg, transition: 'background-color 200ms' }}
      data-testid="agent-state-card"
    >
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Typography variant="overline" sx={{ opacity: 0.9 }}>
          {t('desktop.currentState')}
        </Typography>
        <Chip
          size="small"
          label={live ? t('desktop.live') : t('desktop.polling')}
          data-testid="agent-updates"
          data-live={live}
          sx={{ bgcolor: 'rgba(255,255,255,0.25)', color: 'inherit' }}
        />
      </Stack>
      <Typography
        variant="h2"
        component="p"
        sx={{ fontWeight: 700, my: 1, fontSize: { xs: '2.5rem', md: '3.5rem' } }}
        data-testid="agent-state"
        data-state={state?.state ?? ''}
        aria-live="polite"
      >
        {state === null ? '…' : t(`agentState.${state.state}`)}
      </Typography>
      {reasonLabel !== null && state?.state === 'PAUSED' && (
        <Typography variant="h6" component="p" data-testid="agent-state-reason">
          {t('desktop.pauseReason', { reason: reasonLabel })}
        </Typography>
      )}
      <Box sx={{ mt: 2 }}>
        <Typography variant="caption" sx={{ opacity: 0.9 }}>
          {t('desktop.timeInState')}
        </Typography>
        <Typography
          variant="h4"
          component="p"
          sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}
          data-testid="agent-state-time"
        >
          {state === null ? '–' : formatDuration(secondsSince(state.since, now))}
        </Typography>
      </Box>
    </Paper>
  );
}
