import { Box, Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';

/**
 * Whether a page's figures arrive live over the event stream (`data-live="true"`) or, while the
 * stream is not open, by reading again every few seconds.
 */
export function LiveIndicator({ live, dark = false }: { live: boolean; dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      data-testid="live-indicator"
      data-live={live}
      label={live ? t('live.live') : t('live.offline')}
      icon={
        <Box
          component="span"
          aria-hidden
          sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: live ? '#43a047' : '#9e9e9e', ml: '8px !important' }}
        />
      }
      variant={dark ? 'outlined' : 'filled'}
      sx={dark ? { color: 'inherit', borderColor: 'rgba(255,255,255,0.4)' } : undefined}
    />
  );
}
