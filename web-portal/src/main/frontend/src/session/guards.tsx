import { Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorText } from '../api/errorText';
import type { Role } from '../api/session';
import { useSessionContext } from './SessionContext';

export function FullPageProgress() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <CircularProgress aria-label={t('app.loading')} />
    </Box>
  );
}

/** Shows its children only with a session; otherwise the login, remembering where the user wanted to go when the session ended on its own. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, reload } = useSessionContext();
  const location = useLocation();
  const { t } = useTranslation();

  switch (state.status) {
    case 'loading':
      return <FullPageProgress />;
    case 'unavailable':
      return (
        <Stack spacing={2} sx={{ alignItems: 'center', mt: 10 }} data-testid="session-unavailable">
          <Typography>{errorText(state.error, t)}</Typography>
          <Button variant="contained" onClick={reload}>
            {t('common.retry')}
          </Button>
        </Stack>
      );
    case 'anonymous':
      // After a logout the next user starts at their own home, not at the page the last one left.
      return state.loggedOut ? <Navigate to="/login" replace /> : <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    case 'authenticated':
      return <>{children}</>;
  }
}

/** Shows its children to users with one of the roles; others go to their own start page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { state } = useSessionContext();
  if (state.status !== 'authenticated') {
    return null;
  }
  if (!state.session.roles.some((role) => roles.includes(role))) {
    return <Navigate to="/" replace />;
  }
  return <>{children}</>;
}
