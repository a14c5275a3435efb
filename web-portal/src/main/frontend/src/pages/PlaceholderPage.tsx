import { Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

type PlaceholderKey = 'supervisor' | 'wallboard' | 'admin';

/** A page that is still to be built: its title and what it will show. */
export function PlaceholderPage({ page }: { page: PlaceholderKey }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} data-testid={`page-${page}`}>
      <Typography variant="h4" component="h1">
        {t(`pages.${page}.title`)}
      </Typography>
      <Paper variant="outlined" sx={{ p: 4 }}>
        <Typography color="text.secondary">{t(`pages.${page}.placeholder`)}</Typography>
      </Paper>
    </Stack>
  );
}
