import { Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }} data-testid="page-not-found">
      <Typography variant="h4" component="h1">
        {t('pages.notFound.title')}
      </Typography>
      <Typography color="text.secondary">{t('pages.notFound.text')}</Typography>
      <Button component={Link} to="/" variant="outlined">
        {t('pages.notFound.home')}
      </Button>
    </Stack>
  );
}
