import { AppBar, Box, Button, Container, Stack, Toolbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/session';
import { navigationFor } from '../session/navigation';
import { useSession, useSessionContext } from '../session/SessionContext';
import { AlarmBanner } from './AlarmBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { useAlarms } from './useAlarms';

/** Who sees the installation's alarms. */
const ALARM_ROLES: readonly Role[] = ['SUPERVISOR', 'TENANT_ADMIN', 'SYSTEM_ADMIN'];

/** Pages that use the whole width of the screen. */
function isWide(path: string): boolean {
  return path === '/wallboard' || path.startsWith('/admin/call-flows/');
}

/** The frame of every page after login: app bar with the user's pages, who is logged in, language, logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { logOut } = useSessionContext();
  const navigate = useNavigate();
  const location = useLocation();
  const alarms = useAlarms(session.roles.some((role) => ALARM_ROLES.includes(role)));

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
      <AlarmBanner alarms={alarms} />
      <Container component="main" maxWidth={isWide(location.pathname) ? false : 'lg'} sx={{ py: 3 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
