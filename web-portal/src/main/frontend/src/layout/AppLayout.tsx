import { AppBar, Box, Button, Container, Stack, Toolbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { navigationFor } from '../session/navigation';
import { useSession, useSessionContext } from '../session/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every page after login: app bar with the user's pages, who is logged in, language, logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { logOut } = useSessionContext();
  const navigate = useNavigate();

  const signOut = () => {
    void logOut().finally(() => navigate('/login', { replace: true }));
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="sticky" elevation={1}>
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: { xs: 1, md: 0 } }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography>
          <Stack component="nav" direction="row" spacing={0.5} aria-label={t('app.mainNavigation')} sx={{ flexGrow: 1 }}>
            {navigationFor(session.roles).map((item) => (
              <Button
                key={item.path}
                component={NavLink}
                to={item.path}
                color="inherit"
                data-testid={item.testId}
                sx={{ '&.active': { bgcolor: 'rgba(255,255,255,0.18)' } }}
              >
                {t(item.labelKey)}
              </Button>
            ))}
          </Stack>
          <Box sx={{ textAlign: 'right', lineHeight: 1.2 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="user-name">
              {session.displayName}
            </Typography>
            <Typography variant="caption" sx={{ opacity: 0.85 }} data-testid="user-tenant">
              {t('user.tenant', { tenant: session.tenant })}
            </Typography>
          </Box>
          <LanguageSwitch color="inherit" />
          <Button color="inherit" variant="outlined" size="small" onClick={signOut} data-testid="logout-button">
            {t('user.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: 3 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
