import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../../api/supervision';
import { formatDuration, secondsSince } from '../agent/duration';

/** Agents asking for help, newest first; "Join" whispers to the agent on its current call. */
export function HelpRequests({
  requests,
  now,
  onDismiss,
  onJoin,
}: {
  requests: HelpRequest[];
  now: number;
  onDismiss(extension: string): void;
  onJoin(extension: string): void;
}) {
  const { t } = useTranslation();
  if (requests.length === 0) return null;
  return (
    <Stack spacing={1} data-testid="help-requests" role="region" aria-label={t('help.requests')}>
      {requests.map((request) => (
        <Alert
          key={request.extension}
          severity="warning"
          variant="filled"
          data-testid={`help-request-${request.extension}`}
          action={
            <>
              <Button color="inherit" size="small" onClick={() => onJoin(request.extension)} data-testid={`help-request-join-${request.extension}`}>
                {t('help.join')}
              </Button>
              <Button color="inherit" size="small" onClick={() => onDismiss(request.extension)} data-testid={`help-request-dismiss-${request.extension}`}>
                {t('help.done')}
              </Button>
            </>
          }
        >
          <AlertTitle>{t('help.asks', { agent: request.displayName, extension: request.extension })}</AlertTitle>
          {request.message !== '' && <Typography variant="body2">{request.message}</Typography>}
          <Typography variant="caption">{t('help.ago', { time: formatDuration(secondsSince(request.at, now)) })}</Typography>
        </Alert>
      ))}
    </Stack>
  );
}
