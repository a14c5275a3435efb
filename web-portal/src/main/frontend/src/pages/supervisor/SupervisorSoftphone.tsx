import { Alert, Chip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi, supervisionApi } from '../../api';
import { errorText } from '../../api/errorText';
import { SoftphonePanel, type SoftphoneAccount } from '../agent/softphone/SoftphonePanel';
import { supervisionSessions, useSupervisionSession } from './supervisionSession';

const SUPERVISOR_PHONE: SoftphoneAccount = {
  rememberAs: 'supervisor',
  load: (signal) => supervisionApi.softphone(signal),
};

/**
 * The supervisor's browser softphone: the same card as the agent's, off until switched on. The node
 * only ever calls the supervisor's phone because the supervisor just pressed Listen, Whisper or
 * Barge in, so it answers at once; during the call it shows the mode, and Leave leaves the call
 * (the node hangs up this phone) rather than hanging up on anyone.
 */
export function SupervisorSoftphone() {
  const { t } = useTranslation();
  const session = useSupervisionSession();
  const [leaveError, setLeaveError] = useState<string | null>(null);

  async function leave(hangUp: () => void) {
    setLeaveError(null);
    if (session === null) {
      hangUp();
      return;
    }
    try {
      await callApi.endSupervision(session.callId);
      supervisionSessions.ended(session.callId);
    } catch (failure) {
      // The call may have ended meanwhile: this phone leaves it all the same.
      setLeaveError(errorText(failure, t));
      hangUp();
    }
  }

  const modeLabel = session === null
    ? t('supervision.in.unknown')
    : session.agent === null
      ? t(`supervision.inCall.${session.mode}`)
      : t(`supervision.in.${session.mode}`, { agent: session.agent });

  return (
    <>
      <SoftphonePanel
        account={SUPERVISOR_PHONE}
        answerAtOnce
        hint={t('supervision.softphoneHint')}
        callInfo={
          <Chip
            data-testid="supervision-mode"
            data-mode={session?.mode ?? ''}
            color={session?.mode === 'barge' ? 'error' : session?.mode === 'whisper' ? 'warning' : 'info'}
            label={modeLabel}
            sx={{ alignSelf: 'flex-start', fontWeight: 600 }}
          />
        }
        ending={{ label: t('supervision.leave'), testId: 'softphone-leave', end: (hangUp) => void leave(hangUp) }}
        onCallEnded={() => supervisionSessions.ended()}
      />
      {leaveError !== null && (
        <Alert severity="warning" onClose={() => setLeaveError(null)} data-testid="softphone-leave-error">
          {leaveError}
        </Alert>
      )}
    </>
  );
}
