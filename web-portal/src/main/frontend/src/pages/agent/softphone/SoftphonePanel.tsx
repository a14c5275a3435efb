import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControl,
  FormControlLabel,
  InputLabel,
  LinearProgress,
  MenuItem,
  Select,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { softphoneWebSocket, type SoftphoneSettings } from '../../../api/agents';
import { errorText } from '../../../api/errorText';
import { IDLE_VIEW, SoftphoneLine, type CallStatus, type SoftphoneView } from './SoftphoneLine';

const ENABLED_KEY = 'verbund.softphone.enabled.';
const MICROPHONE_KEY = 'verbund.softphone.microphone';
const SPEAKER_KEY = 'verbund.softphone.speaker';

interface AudioDevices {
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

/** Whose phone the softphone is: the agent's or the supervisor's own account. */
export interface SoftphoneAccount {
  /** Names the on/off choice this browser remembers for the account. */
  rememberAs: string;
  load(signal: AbortSignal): Promise<SoftphoneSettings>;
}

/** What ends the call in place of Hang up (the supervisor leaves a call rather than hanging it up). */
export interface CallEnding {
  label: string;
  testId: string;
  end(hangUp: () => void): void;
}

/**
 * The browser softphone, in the agent desktop and the supervisor view. Off until the user switches
 * it on (the choice is remembered in this browser): while on, it is the user's phone and replaces a
 * desk phone's registration, so users with a desk phone simply leave it off. `answerAtOnce`: calls
 * are taken without ringing; `callInfo` and `ending` replace "Talking to" and Hang up during a call;
 * `onCallEnded` hears of every call that ends.
 */
export function SoftphonePanel({ account, answerAtOnce = false, hint, callInfo, ending, onCallEnded }: {
  account: SoftphoneAccount;
  answerAtOnce?: boolean;
  hint?: ReactNode;
  callInfo?: ReactNode;
  ending?: CallEnding;
  onCallEnded?: () => void;
}) {
  const { t } = useTranslation();
  const { rememberAs } = account;
  const loadSettings = useRef(account.load);
  loadSettings.current = account.load;
  const callEnded = useRef(onCallEnded);
  callEnded.current = onCallEnded;
  const previousCall = useRef<CallStatus>('idle');
  const [settings, setSettings] = useState<SoftphoneSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [enabled, setEnabled] = useState(() => localStorage.getItem(ENABLED_KEY + rememberAs) === 'on');
  const [view, setView] = useState<SoftphoneView>(IDLE_VIEW);
  const [devices, setDevices] = useState<AudioDevices>({ microphones: [], speakers: [] });
  const [microphone, setMicrophone] = useState<string>(() => localStorage.getItem(MICROPHONE_KEY) ?? '');
  const [speaker, setSpeaker] = useState<string>(() => localStorage.getItem(SPEAKER_KEY) ?? '');
  const audio = useRef<HTMLAudioElement>(null);
  const line = useRef<SoftphoneLine | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    loadSettings
      .current(abort.signal)
      .then(setSettings)
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) {
          setLoadError(errorText(failure, t));
        }
      });
    return () => abort.abort();
  }, [rememberAs, t]);

  const webSocket = settings?.available ? softphoneWebSocket(settings, window.location.protocol) : null;

  useEffect(() => {
    if (!enabled || settings === null || webSocket === null || audio.current === null) {
      return undefined;
    }
    const phone = new SoftphoneLine(settings, webSocket, audio.current, { answerAtOnce });
    line.current = phone;
    const unsubscribe = phone.subscribe(setView);
    phone.start();
    return () => {
      unsubscribe();
      phone.stop();
      line.current = null;
      setView(IDLE_VIEW);
    };
  }, [enabled, settings, webSocket, answerAtOnce]);

  useEffect(() => {
    if (previousCall.current !== 'idle' && view.call === 'idle') {
      callEnded.current?.();
    }
    previousCall.current = view.call;
  }, [view.call]);

  useEffect(() => {
    line.current?.useMicrophone(microphone === '' ? null : microphone);
  }, [microphone, view.line]);

  useEffect(() => {
    void line.current?.useSpeaker(speaker === '' ? null : speaker).catch(() => undefined);
  }, [speaker, view.line]);

  // Device names are only readable once the microphone was allowed: read again when a call starts.
  useEffect(() => {
    if (!enabled || !navigator.mediaDevices?.enumerateDevices) {
      return;
    }
    void navigator.mediaDevices.enumerateDevices().then((all) =>
      setDevices({
        microphones: all.filter((device) => device.kind === 'audioinput'),
        speakers: all.filter((device) => device.kind === 'audiooutput'),
      }),
    );
  }, [enabled, view.call]);

  const toggle = (on: boolean) => {
    localStorage.setItem(ENABLED_KEY + rememberAs, on ? 'on' : 'off');
    setEnabled(on);
  };

  if (loadError !== null) {
    return (
      <Alert severity="warning" data-testid="softphone-error">
        {loadError}
      </Alert>
    );
  }
  if (settings === null) {
    return null;
  }
  if (!settings.available || webSocket === null) {
    return (
      <Alert severity="info" data-testid="softphone-unavailable">
        {t('softphone.unavailable')}
      </Alert>
    );
  }

  return (
    <Card variant="outlined" data-testid="softphone-panel">
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              {t('softphone.title')}
            </Typography>
            <FormControlLabel
              control={<Switch checked={enabled} onChange={(event) => toggle(event.target.checked)} data-testid="softphone-enable" />}
              label={t('softphone.useBrowser')}
            />
          </Stack>
          {hint !== undefined && (
            <Typography variant="body2" color="text.secondary">
              {hint}
            </Typography>
          )}
          {enabled && (
            <Chip
              data-testid="softphone-status"
              data-status={view.line}
              color={view.line === 'registered' ? 'success' : view.line === 'failed' ? 'error' : 'default'}
              label={view.line === 'failed' ? t('softphone.line.failed', { problem: view.lineProblem ?? '' }) : t(`softphone.line.${view.line}`)}
              sx={{ alignSelf: 'flex-start' }}
            />
          )}
          {view.mediaProblem !== null && (
            <Alert severity="error" data-testid="softphone-media-problem" data-problem={view.mediaProblem} role="alert">
              {t(`softphone.media.${view.mediaProblem}`)}
            </Alert>
          )}
          {view.callProblem !== null && (
            <Alert severity="warning" data-testid="softphone-call-problem" data-problem={view.callProblem} role="alert">
              {t(`softphone.call.${view.callProblem}`)}
            </Alert>
          )}
          {view.call === 'ringing' || view.call === 'answering' ? (
            <Alert severity="info" data-testid="softphone-ringing" icon={false}>
              <Stack spacing={1}>
                <Typography>{t('softphone.incoming', { caller: view.caller ?? t('softphone.unknownCaller') })}</Typography>
                <Stack direction="row" spacing={1}>
                  <Button variant="contained" color="success" onClick={() => void line.current?.answer()}
                          disabled={view.call === 'answering'} data-testid="softphone-answer">
                    {t('softphone.answer')}
                  </Button>
                  <Button variant="outlined" color="error" onClick={() => line.current?.hangUp()} data-testid="softphone-decline">
                    {t('softphone.decline')}
                  </Button>
                </Stack>
              </Stack>
            </Alert>
          ) : null}
          {view.call === 'talking' && (
            <Stack spacing={1} data-testid="softphone-talking">
              {callInfo ?? <Typography>{t('softphone.talking', { caller: view.caller ?? t('softphone.unknownCaller') })}</Typography>}
              <Stack direction="row" spacing={1}>
                <Button variant={view.muted ? 'contained' : 'outlined'} onClick={() => line.current?.setMuted(!view.muted)}
                        data-testid="softphone-mute" aria-pressed={view.muted}>
                  {view.muted ? t('softphone.unmute') : t('softphone.mute')}
                </Button>
                {ending === undefined ? (
                  <Button variant="contained" color="error" onClick={() => line.current?.hangUp()} data-testid="softphone-hangup">
                    {t('softphone.hangUp')}
                  </Button>
                ) : (
                  <Button variant="contained" color="error" onClick={() => ending.end(() => line.current?.hangUp())} data-testid={ending.testId}>
                    {ending.label}
                  </Button>
                )}
              </Stack>
              {view.figures !== null && (
                <Box>
                  <Typography variant="caption" color="text.secondary">
                    {t('softphone.hearing')}
                  </Typography>
                  <LinearProgress variant="determinate" value={Math.min(100, Math.round(view.figures.level * 300))}
                                  data-testid="softphone-level" />
                  <Typography variant="caption" color="text.secondary" data-testid="softphone-figures"
                              data-received={view.figures.packetsReceived} data-sent={view.figures.packetsSent}>
                    {t('softphone.figures', {
                      received: view.figures.packetsReceived,
                      sent: view.figures.packetsSent,
                      lost: view.figures.packetsLost,
                      jitter: view.figures.jitterMs,
                    })}
                  </Typography>
                </Box>
              )}
            </Stack>
          )}
          {enabled && (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <DeviceSelect label={t('softphone.microphone')} devices={devices.microphones} value={microphone} testId="softphone-microphone"
                            onChange={(id) => { localStorage.setItem(MICROPHONE_KEY, id); setMicrophone(id); }} />
              <DeviceSelect label={t('softphone.speaker')} devices={devices.speakers} value={speaker} testId="softphone-speaker"
                            onChange={(id) => { localStorage.setItem(SPEAKER_KEY, id); setSpeaker(id); }} />
            </Stack>
          )}
          <audio ref={audio} autoPlay data-testid="softphone-audio" />
        </Stack>
      </CardContent>
    </Card>
  );
}

function DeviceSelect({ label, devices, value, onChange, testId }: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange: (deviceId: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const known = value === '' || devices.some((device) => device.deviceId === value);
  return (
    <FormControl size="small" sx={{ minWidth: 220 }}>
      <InputLabel>{label}</InputLabel>
      <Select label={label} value={known ? value : ''} onChange={(event) => onChange(String(event.target.value))} data-testid={testId}>
        <MenuItem value="">{t('softphone.defaultDevice')}</MenuItem>
        {devices
          .filter((device) => device.deviceId !== '' && device.deviceId !== 'default')
          .map((device, index) => (
            <MenuItem key={device.deviceId} value={device.deviceId}>
              {device.label || t('softphone.deviceNumber', { number: index + 1 })}
            </MenuItem>
          ))}
      </Select>
    </FormControl>
  );
}
