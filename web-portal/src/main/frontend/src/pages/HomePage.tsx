import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { homePathFor } from '../session/navigation';
import { useSession } from '../session/SessionContext';

/** "/" sends each user to their first page; users whose role has no page yet get a welcome. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const home = homePathFor(session.roles);
  if (home !== null) {
    return <Navigate to={home} replace />;
  }
  return (
    <Stack spacing={2} data-testid="page-home">
      <Typography variant="h4" component="h1">
        {t('pages.noPage.title', { name: session.displayName })}
      </Typography>
      <Typography color="text.secondary">{t('pages.noPage.text')}</Typography>
    </Stack>
  );
}
