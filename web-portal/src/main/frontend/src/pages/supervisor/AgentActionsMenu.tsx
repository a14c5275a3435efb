import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Divider, ListSubheader, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { supervisorChoice, supervisorRequests, type AgentStateDocument, type AgentStateRequest, type ForceEffect } from '../../api/agents';
import type { PauseReason } from '../../api/pauseReasons';

interface Props {
  agent: AgentStateDocument;
  reasons: PauseReason[];
  busy: boolean;
  onChange(request: AgentStateRequest): void;
}

/** A forced change waiting for the supervisor's confirmation. */
interface PendingForce {
  request: AgentStateRequest;
  effect: ForceEffect;
  reasonLabel: string | null;
}

/**
 * Set ready, pause with a reason, log out: what the agent's state allows. While a call has the
 * agent these are forced and take the call from it, so they are marked and confirmed first.
 */
export function AgentActionsMenu({ agent, reasons, busy, onChange }: Props) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // Kept after closing so the dialog does not go blank while it fades out.
  const [pending, setPending] = useState<PendingForce | null>(null);
  const [confirming, setConfirming] = useState(false);
  const allowed = supervisorRequests(agent.state);
  const ext = agent.extension;
  const menuId = `agent-action-menu-${ext}`;
  const choose = (request: AgentStateRequest, reasonLabel: string | null = null) => {
    setAnchor(null);
    const choice = supervisorChoice(agent.state, request);
    if (choice.confirm !== null) {
      setPending({ request: choice.request, effect: choice.confirm, reasonLabel });
      setConfirming(true);
    } else {
      onChange(choice.request);
    }
  };
  const confirm = () => {
    setConfirming(false);
    if (pending !== null) {
      // Sent forced as confirmed even if the call has ended meanwhile: the shown state may lag
      // behind the server's, and an unforced request could then be refused.
      onChange(pending.request);
    }
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
        {allowed.force !== null && (
          <ListSubheader sx={{ color: 'warning.main' }} data-testid={`agent-action-${ext}-forced`}>
            {forcedLabel(allowed.force, t)}
          </ListSubheader>
        )}
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
            onClick={() => choose({ state: 'PAUSED', reason: reason.code }, reason.label)}
            data-testid={`agent-action-${ext}-pause-${reason.code}`}
          >
            {reason.label}
          </MenuItem>
        ))}
        {reasons.length === 0 && <MenuItem disabled>{t('desktop.noReasons')}</MenuItem>}
      </Menu>
      <Dialog
        open={confirming && pending !== null}
        onClose={() => setConfirming(false)}
        aria-labelledby={`agent-force-title-${ext}`}
        data-testid={`agent-force-dialog-${ext}`}
      >
        {pending !== null && (
          <>
            <DialogTitle id={`agent-force-title-${ext}`}>{forceTitle(ext, pending, t)}</DialogTitle>
            <DialogContent>
              <DialogContentText>
                {pending.effect === 'ENDS_CALL' ? t('supervisor.forceEndsCallText') : t('supervisor.forceWithdrawsOfferText')}{' '}
                {t('supervisor.forceRecorded')}
              </DialogContentText>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)} data-testid={`agent-force-cancel-${ext}`}>
                {t('common.cancel')}
              </Button>
              <Button onClick={confirm} disabled={busy || !confirming} color="warning" variant="contained" data-testid={`agent-force-confirm-${ext}`}>
                {t('supervisor.forceConfirm')}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}

function forcedLabel(effect: ForceEffect, t: TFunction): string {
  return effect === 'ENDS_CALL' ? t('supervisor.forcedEndsCall') : t('supervisor.forcedWithdrawsOffer');
}

function forceTitle(extension: string, pending: PendingForce, t: TFunction): string {
  switch (pending.request.state) {
    case 'READY':
      return t('supervisor.forceReadyTitle', { extension });
    case 'PAUSED':
      return t('supervisor.forcePauseTitle', { extension, reason: pending.reasonLabel ?? pending.request.reason });
    case 'LOGGED_OUT':
      return t('supervisor.forceLogOutTitle', { extension });
  }
}
