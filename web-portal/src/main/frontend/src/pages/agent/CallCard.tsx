import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../../api/agents';
import { formatDuration } from './duration';

/**
 * What the desktop knows about the agent's current call. Only the id comes with the agent's
 * state today; the rest will come from the event stream's `call` events and fill the card's rows
 * as they arrive (each row is shown only when its value is known).
 */
export interface CallDetails {
  callId: string;
  callerNumber?: string;
  serviceNumber?: string;
  group?: string;
  waitingSeconds?: number;
  /** A link into the tenant's CRM for this caller, built from the tenant's URL template. */
  crmUrl?: string;
  /** The number the agent calls back, when the caller chose a callback. */
  callbackNumber?: string;
}

type CallPhase = Extract<AgentStateName, 'RESERVED' | 'RINGING' | 'ON_CALL' | 'WRAP_UP'>;

export function callPhaseOf(state: AgentStateName): CallPhase | null {
  return state === 'RESERVED' || state === 'RINGING' || state === 'ON_CALL' || state === 'WRAP_UP' ? state : null;
}

function Row({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '9rem 1fr', gap: 1, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body1" component="dd" sx={{ m: 0, wordBreak: 'break-all' }} data-testid={testId}>
        {children}
      </Typography>
    </Box>
  );
}

/** The agent's current call: shown while the agent's state names a call. */
export function CallCard({ call, phase, children }: { call: CallDetails; phase: CallPhase | null; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card variant="outlined" data-testid="call-card" data-call-id={call.callId} sx={{ borderWidth: 2, borderColor: 'primary.main' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('call.title')}
        </Typography>
        <Box component="dl" sx={{ m: 0 }}>
          {phase !== null && (
            <Row label={t('call.phase')} testId="call-card-phase">
              {t(`call.phases.${phase}`)}
            </Row>
          )}
          {call.callbackNumber !== undefined && (
            <Row label={t('call.callback')} testId="call-card-callback">
              {t('call.callbackTo', { number: call.callbackNumber })}
            </Row>
          )}
          {call.callerNumber !== undefined && (
            <Row label={t('call.caller')} testId="call-card-caller">
              {call.callerNumber}
            </Row>
          )}
          {call.serviceNumber !== undefined && (
            <Row label={t('call.serviceNumber')} testId="call-card-service-number">
              {call.serviceNumber}
            </Row>
          )}
          {call.group !== undefined && (
            <Row label={t('call.group')} testId="call-card-group">
              {call.group}
            </Row>
          )}
          {call.waitingSeconds !== undefined && (
            <Row label={t('call.waiting')} testId="call-card-waiting">
              {formatDuration(call.waitingSeconds)}
            </Row>
          )}
          <Row label={t('call.callId')} testId="call-card-id">
            {call.callId}
          </Row>
        </Box>
        {call.crmUrl !== undefined && (
          <Stack direction="row" sx={{ mt: 2 }}>
            <Button
              variant="outlined"
              href={call.crmUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="call-card-crm"
            >
              {t('call.openCrm')}
            </Button>
          </Stack>
        )}
        {children}
      </CardContent>
    </Card>
  );
}
