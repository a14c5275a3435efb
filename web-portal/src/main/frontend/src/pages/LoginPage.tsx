import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorText } from '../api/errorText';
import type { Session } from '../api/session';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { homePathFor, mayOpen } from '../session/navigation';
import { FullPageProgress } from '../session/guards';
import { useSessionContext } from '../session/SessionContext';

/** The deep link the user came from, if this user may open it; else their start page. */
function destinationFor(session: Session, from: unknown): string {
  if (typeof from === 'string' && mayOpen(from.split('?')[0] ?? '', session.roles)) {
    return from;
  }
  return homePathFor(session.roles) ?? '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, logIn } = useSessionContext();
  const location = useLocation();
  const navigate = useNavigate();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from: unknown = (location.state as { from?: unknown } | null)?.from;

  if (state.status === 'loading') {
    return <FullPageProgress />;
  }
  if (state.status === 'authenticated' && !submitting) {
    return <Navigate to={destinationFor(state.session, from)} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const session = await logIn(login.trim(), password);
      navigate(destinationFor(session, from), { replace: true });
    } catch (failure) {
      setError(errorText(failure, t));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 400 }} elevation={3}>
        <CardContent sx={{ p: 4 }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', mb: 3 }}>
            <Box>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {t('app.name')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('login.subtitle')}
              </Typography>
            </Box>
            <LanguageSwitch />
          </Stack>
          <Box component="form" onSubmit={submit} noValidate data-testid="login-form">
            <Stack spacing={2}>
              <Typography variant="h6" component="h2">
                {t('login.title')}
              </Typography>
              {error !== null && (
                <Alert severity="error" data-testid="login-error" role="alert">
                  {error}
                </Alert>
              )}
              <TextField
                label={t('login.login')}
                helperText={t('login.loginHint')}
                value={login}
                onChange={(event) => setLogin(event.target.value)}
                autoComplete="username"
                autoFocus
                required
                fullWidth
                slotProps={{ htmlInput: { 'data-testid': 'login-name', autoCapitalize: 'none', spellCheck: false } }}
              />
              <TextField
                label={t('login.password')}
                type="password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                autoComplete="current-password"
                required
                fullWidth
                slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
              />
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={submitting || login.trim() === '' || password === ''}
                data-testid="login-submit"
              >
                {submitting ? t('login.submitting') : t('login.submit')}
              </Button>
            </Stack>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
