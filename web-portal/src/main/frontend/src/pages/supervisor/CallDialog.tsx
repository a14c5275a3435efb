import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { callApi } from '../../api';
import { routingDecisionsOf } from '../../api/calls';
import { errorText } from '../../api/errorText';
import { useTranslation } from 'react-i18next';
import { useCallDocument } from '../../components/useCallDocument';
import { CallAudioPlayers } from './CallAudioPlayers';
import { SupervisionControls } from './SupervisionControls';

function formatTime(iso: string | null | undefined, language: string): string {
  if (iso == null) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function Field({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '10rem 1fr', gap: 1, py: 0.25 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, wordBreak: 'break-all' }} data-testid={testId}>
        {children}
      </Typography>
    </Box>
  );
}

/** A call's document, its recording and voicemail, and its routing decision record (why it went where it went). */
export function CallDialog({ callId, onClose }: { callId: string | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { call, loading, error } = useCallDocument(callId);
  const [hangUp, setHangUp] = useState<'idle' | 'asked' | string>('idle');
  const running = call !== null && !call.endedAt;

  async function askHangUp(id: string) {
    try {
      await callApi.hangUp(id);
      setHangUp('asked');
    } catch (failure) {
      setHangUp(errorText(failure, t));
    }
  }

  return (
    <Dialog open={callId !== null} onClose={onClose} fullWidth maxWidth="md" data-testid="call-dialog" data-call-id={callId ?? ''}>
      <DialogTitle>{t('callDialog.title', { callId: callId ?? '' })}</DialogTitle>
      <DialogContent dividers>
        {loading && (
          <Box sx={{ display: 'grid', placeItems: 'center', py: 4 }}>
            <CircularProgress aria-label={t('app.loading')} />
          </Box>
        )}
        {error !== null && (
          <Alert severity="error" data-testid="call-dialog-error">
            {error}
          </Alert>
        )}
        {call !== null && (
          <>
            <Box component="dl" sx={{ m: 0, mb: 2 }}>
              <Field label={t('call.caller')} testId="call-dialog-caller">
                {call.caller ?? '–'}
              </Field>
              {call.direction === 'CALLBACK' && (
                <Field label={t('call.callback')} testId="call-dialog-callback">
                  {t('call.callbackTo', { number: call.dialledNumber ?? '' })}
                </Field>
              )}
              <Field label={t('call.serviceNumber')} testId="call-dialog-service-number">
                {call.serviceNumber ?? '–'}
              </Field>
              <Field label={t('call.group')} testId="call-dialog-group">
                {call.group ?? '–'}
              </Field>
              <Field label={t('callDialog.agent')} testId="call-dialog-agent">
                {call.agent ?? '–'}
              </Field>
              <Field label={t('callDialog.received')} testId="call-dialog-received">
                {formatTime(call.receivedAt, language)}
              </Field>
              <Field label={t('callDialog.answered')} testId="call-dialog-answered">
                {formatTime(call.answeredAt, language)}
              </Field>
              <Field label={t('callDialog.outcome')} testId="call-dialog-outcome">
                {call.outcome ?? t('callDialog.ongoing')}
              </Field>
            </Box>
            {running && call.answeredAt !== null && <SupervisionControls callId={call.callId} agent={call.agent ?? null} />}
            <CallAudioPlayers call={call} />
            {routingDecisionsOf(call.steps).map(({ at, decision }, index) => (
              <Box key={`${at}-${index}`} sx={{ mb: 2 }} data-testid={`call-decision-${index}`}>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                  {t('callDialog.decision', {
                    time: formatTime(at, language),
                    strategy: t(`strategy.${decision.strategy}`, { defaultValue: decision.strategy }),
                    chosen: decision.chosen.join(', '),
                    eligible: decision.eligible,
                  })}
                </Typography>
                <List dense>
                  {decision.considered.map((agent) => (
                    <ListItem key={agent.agent} divider data-testid={`call-decision-${index}-agent-${agent.agent}`} data-excluded={agent.excluded ?? ''}>
                      <ListItemText
                        primary={`${agent.agent} · ${agent.chosen ? t('callDialog.chosen') : t(`exclusion.${agent.excluded ?? ''}`, { defaultValue: agent.excluded ?? '' })}`}
                        secondary={agent.detail}
                      />
                    </ListItem>
                  ))}
                </List>
                <Typography variant="body2" color="text.secondary" data-testid={`call-decision-${index}-counts`}>
                  {Object.entries(decision.excludedCounts)
                    .map(([reason, count]) => `${t(`exclusion.${reason}`, { defaultValue: reason })}: ${count}`)
                    .join(' · ')}
                </Typography>
              </Box>
            ))}
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {t('callDialog.steps')}
            </Typography>
            <List dense data-testid="call-steps">
              {(call.steps ?? []).map((step, index) => (
                <ListItem key={`${step.at}-${index}`} data-testid={`call-step-${index}`} data-kind={step.kind} divider>
                  <ListItemText
                    primary={
                      <>
                        <Typography component="span" variant="body2" sx={{ fontWeight: 600, mr: 1 }}>
                          {step.kind}
                        </Typography>
                        <Typography component="span" variant="body2">
                          {step.detail ?? ''}
                        </Typography>
                      </>
                    }
                    secondary={[
                      formatTime(step.at, language),
                      step.flowNode ? t('callDialog.flowNode', { node: step.flowNode }) : null,
                      step.agent ? t('callDialog.stepAgent', { agent: step.agent }) : null,
                    ]
                      .filter((part) => part !== null)
                      .join(' · ')}
                  />
                </ListItem>
              ))}
              {(call.steps ?? []).length === 0 && (
                <ListItem>
                  <ListItemText secondary={t('callDialog.noSteps')} />
                </ListItem>
              )}
            </List>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {hangUp !== 'idle' && (
          <Alert severity={hangUp === 'asked' ? 'success' : 'error'} data-testid="call-hangup-result" sx={{ mr: 'auto' }}>
            {hangUp === 'asked' ? t('callDialog.hangUpAsked') : hangUp}
          </Alert>
        )}
        {running && callId !== null && hangUp !== 'asked' && (
          <Button color="error" onClick={() => void askHangUp(callId)} data-testid="call-hangup">
            {t('callDialog.hangUp')}
          </Button>
        )}
        <Button onClick={onClose} data-testid="call-dialog-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
