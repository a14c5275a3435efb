import { Alert, AlertTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../api/health';

/** A red banner per active alarm, under the app bar on every page. */
export function AlarmBanner({ alarms }: { alarms: readonly Alarm[] }) {
  const { t } = useTranslation();
  if (alarms.length === 0) return null;
  return (
    <Stack spacing={0} data-testid="alarm-banner" role="alert" aria-live="assertive">
      {alarms.map((alarm) => (
        <Alert key={alarm.code} severity="error" variant="filled" square data-testid={`alarm-${alarm.code}`} data-code={alarm.code}>
          <AlertTitle sx={{ mb: 0 }}>{t('alarms.title', { code: alarm.code })}</AlertTitle>
          {alarm.message}
        </Alert>
      ))}
    </Stack>
  );
}
