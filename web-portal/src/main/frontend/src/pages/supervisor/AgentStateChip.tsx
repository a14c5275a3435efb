import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../../api/agents';

/** The same colours as the agent's desktop, so a state looks alike everywhere. */
export const STATE_COLOURS: Record<AgentStateName, { bg: string; fg: string }> = {
  LOGGED_OUT: { bg: '#e0e0e0', fg: '#424242' },
  READY: { bg: '#2e7d32', fg: '#ffffff' },
  PAUSED: { bg: '#ed6c02', fg: '#ffffff' },
  RESERVED: { bg: '#0288d1', fg: '#ffffff' },
  RINGING: { bg: '#0277bd', fg: '#ffffff' },
  ON_CALL: { bg: '#c62828', fg: '#ffffff' },
  WRAP_UP: { bg: '#6a1b9a', fg: '#ffffff' },
};

export function AgentStateChip({ state, testId }: { state: AgentStateName; testId: string }) {
  const { t } = useTranslation();
  const colours = STATE_COLOURS[state] ?? STATE_COLOURS.LOGGED_OUT;
  return (
    <Chip
      size="small"
      label={t(`agentState.${state}`)}
      data-testid={testId}
      data-state={state}
      sx={{ bgcolor: colours.bg, color: colours.fg, fontWeight: 600 }}
    />
  );
}
