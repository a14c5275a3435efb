import { Button, Divider, ListSubheader, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedRequests, type AgentStateDocument, type AgentStateRequest } from '../../api/agents';
import type { PauseReason } from '../../api/pauseReasons';

interface Props {
  agent: AgentStateDocument;
  reasons: PauseReason[];
  busy: boolean;
  onChange(request: AgentStateRequest): void;
}

/** Set ready, pause with a reason, log out: what the agent's state allows. */
export function AgentActionsMenu({ agent, reasons, busy, onChange }: Props) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const allowed = allowedRequests(agent.state);
  const ext = agent.extension;
  const menuId = `agent-action-menu-${ext}`;
  const choose = (request: AgentStateRequest) => {
    setAnchor(null);
    onChange(request);
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        disabled={busy || (!allowed.ready && !allowed.pause && !allowed.logOut)}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor !== null ? menuId : undefined}
        aria-expanded={anchor !== null}
        data-testid={`agent-action-${ext}`}
      >
        {t('supervisor.state')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} data-testid={menuId}>
        <MenuItem disabled={!allowed.ready} onClick={() => choose({ state: 'READY' })} data-testid={`agent-action-${ext}-ready`}>
          {t('supervisor.setReady')}
        </MenuItem>
        <MenuItem disabled={!allowed.logOut} onClick={() => choose({ state: 'LOGGED_OUT' })} data-testid={`agent-action-${ext}-logout`}>
          {t('supervisor.logOut')}
        </MenuItem>
        <Divider />
        <ListSubheader>{t('supervisor.pauseWith')}</ListSubheader>
        {reasons.map((reason) => (
          <MenuItem
            key={reason.code}
            disabled={!allowed.pause}
            selected={agent.state === 'PAUSED' && agent.reason === reason.code}
            onClick={() => choose({ state: 'PAUSED', reason: reason.code })}
            data-testid={`agent-action-${ext}-pause-${reason.code}`}
          >
            {reason.label}
          </MenuItem>
        ))}
        {reasons.length === 0 && <MenuItem disabled>{t('desktop.noReasons')}</MenuItem>}
      </Menu>
    </>
  );
}
