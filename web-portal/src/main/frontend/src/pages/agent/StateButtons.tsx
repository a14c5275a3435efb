import { Button, Menu, MenuItem, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedRequests, type AgentStateDocument, type AgentStateRequest } from '../../api/agents';
import type { PauseReasons } from './usePauseReasons';

interface Props {
  state: AgentStateDocument | null;
  reasons: PauseReasons;
  changing: boolean;
  onChange(request: AgentStateRequest): void;
}

/** Ready, Pause (with the reason picker) and Log out; only what the current state allows is enabled. */
export function StateButtons({ state, reasons, changing, onChange }: Props) {
  const { t } = useTranslation();
  const [pauseAnchor, setPauseAnchor] = useState<HTMLElement | null>(null);
  const allowed = state === null ? { ready: false, pause: false, logOut: false } : allowedRequests(state.state);
  const engaged = state !== null && !allowed.ready && !allowed.pause && !allowed.logOut;

  const choose = (code: string) => {
    setPauseAnchor(null);
    onChange({ state: 'PAUSED', reason: code });
  };

  return (
    <Stack spacing={1}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Button
          variant="contained"
          color="success"
          size="large"
          disabled={changing || !allowed.ready}
          onClick={() => onChange({ state: 'READY' })}
          data-testid="agent-ready"
          sx={{ minWidth: 160, py: 1.5 }}
        >
          {t('desktop.ready')}
        </Button>
        <Button
          variant="contained"
          color="warning"
          size="large"
          disabled={changing || !allowed.pause}
          onClick={(event) => setPauseAnchor(event.currentTarget)}
          aria-haspopup="menu"
          aria-expanded={pauseAnchor !== null}
          aria-controls={pauseAnchor !== null ? 'pause-reason-menu' : undefined}
          data-testid="agent-pause"
          sx={{ minWidth: 160, py: 1.5 }}
        >
          {t('desktop.pause')}
        </Button>
        <Button
          variant="outlined"
          size="large"
          disabled={changing || !allowed.logOut}
          onClick={() => onChange({ state: 'LOGGED_OUT' })}
          data-testid="agent-logout"
          sx={{ minWidth: 160, py: 1.5 }}
        >
          {t('desktop.logOut')}
        </Button>
      </Stack>
      {engaged && (
        <Typography variant="body2" color="text.secondary">
          {t('desktop.engaged')}
        </Typography>
      )}
      <Menu
        id="pause-reason-menu"
        anchorEl={pauseAnchor}
        open={pauseAnchor !== null}
        onClose={() => setPauseAnchor(null)}
        data-testid="pause-menu"
      >
        <MenuItem disabled divider>
          {t('desktop.chooseReason')}
        </MenuItem>
        {reasons.choosable.map((reason) => (
          <MenuItem
            key={reason.code}
            onClick={() => choose(reason.code)}
            selected={state?.state === 'PAUSED' && state.reason === reason.code}
            data-testid={`pause-reason-${reason.code}`}
          >
            {reason.label}
          </MenuItem>
        ))}
        {reasons.all !== null && reasons.choosable.length === 0 && <MenuItem disabled>{t('desktop.noReasons')}</MenuItem>}
        {reasons.failed && <MenuItem disabled>{t('desktop.reasonsFailed')}</MenuItem>}
        {reasons.all === null && !reasons.failed && <MenuItem disabled>{t('app.loading')}</MenuItem>}
      </Menu>
    </Stack>
  );
}
