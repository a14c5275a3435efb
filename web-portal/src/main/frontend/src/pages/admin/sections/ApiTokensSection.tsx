import { Alert, AlertTitle, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { configApi } from '../../../api';
import { TOKEN_SCOPES, type TokenDocument } from '../../../api/config';
import { errorText } from '../../../api/errorText';
import { NO_FORM_ERRORS, fieldProblemsOf, formErrorsOf, type FormErrors } from '../../../api/fieldErrors';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { EntityList } from '../forms/EntityList';
import { FormCheckboxGroup, FormTextField } from '../forms/fields';
import { getPath, setPath } from '../forms/paths';

type TokenValues = { name: string; scopes: string[]; expiresAt: string };

const EMPTY: TokenValues = { name: '', scopes: ['config:read'], expiresAt: '' };

function formatInstant(iso: string | null, language: string): string {
  if (iso === null) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
}

/** A new token: name, scopes, optional expiry. The answer's secret is shown once. */
function NewToken({ onCreated }: { onCreated(token: TokenDocument): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TokenValues>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = {
    get: (path: string) => getPath(values, path),
    set: (path: string, value: unknown) => setValues((previous) => setPath(previous, path, value)),
    errorFor: (path: string) => errors.fields[path],
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors(NO_FORM_ERRORS);
    setFailure(null);
    try {
      const expires = values.expiresAt === '' ? null : new Date(values.expiresAt);
      const created = await configApi.tokens.create({
        name: values.name.trim(),
        scopes: values.scopes,
        expiresAt: expires === null || Number.isNaN(expires.getTime()) ? null : expires.toISOString(),
      });
      setValues(EMPTY);
      onCreated(created);
    } catch (error) {
      const problems = fieldProblemsOf(error);
      if (problems.length > 0) {
        setErrors(formErrorsOf(problems, ['name', 'scopes', 'expiresAt']));
      } else {
        setFailure(errorText(error, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="form" onSubmit={submit} noValidate data-testid="token-form">
      <Stack spacing={2}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t('admin.newToken')}
        </Typography>
        {failure !== null && (
          <Alert severity="error" data-testid="form-failure">
            {failure}
          </Alert>
        )}
        {errors.summary.length > 0 && (
          <Alert severity="error" data-testid="form-errors">
            {errors.summary.join(' · ')}
          </Alert>
        )}
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          <FormTextField form={form} path="name" label={t('admin.fields.name')} required />
          <FormTextField form={form} path="expiresAt" type="datetime-local" label={t('admin.fields.expiresAt')} hint={t('admin.expiresHint')} />
        </Box>
        <FormCheckboxGroup form={form} path="scopes" label={t('admin.fields.scopes')} choices={TOKEN_SCOPES.map((scope) => ({ value: scope, label: scope }))} />
        <Box>
          <Button type="submit" variant="contained" disabled={saving} data-testid="save-button">
            {t('admin.createToken')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}

/** The secret of a token just created, with a copy button: it is never shown again. */
function CreatedToken({ token, onClose }: { token: TokenDocument | null; onClose(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    if (token?.token == null) return;
    void navigator.clipboard
      ?.writeText(token.token)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <Dialog open={token !== null} onClose={onClose} fullWidth maxWidth="sm" data-testid="token-created-dialog">
      <DialogTitle>{t('admin.tokenCreated', { name: token?.name ?? '' })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          <AlertTitle>{t('admin.tokenOnce')}</AlertTitle>
          {t('admin.tokenOnceText')}
        </Alert>
        <TextField
          value={token?.token ?? ''}
          fullWidth
          multiline
          slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'token-value', style: { fontFamily: 'monospace' } } }}
          onFocus={(event) => event.target.select()}
        />
      </DialogContent>
      <DialogActions>
        {copied && (
          <Typography variant="body2" color="success.main" data-testid="token-copied" sx={{ mr: 'auto', ml: 2 }}>
            {t('admin.copied')}
          </Typography>
        )}
        <Button onClick={copy} data-testid="token-copy">
          {t('admin.copy')}
        </Button>
        <Button variant="contained" onClick={onClose} data-testid="token-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function ApiTokensSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [created, setCreated] = useState<TokenDocument | null>(null);
  const [revoking, setRevoking] = useState<{ token: TokenDocument; reload: () => void } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const revoke = useCallback(async () => {
    if (revoking === null) return;
    const { token, reload } = revoking;
    setRevoking(null);
    setFailure(null);
    try {
      await configApi.tokens.remove(token.id);
      reload();
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }, [revoking, t]);

  return (
    <>
      <EntityList<TokenDocument>
        title={t('admin.sections.api-tokens')}
        resource={configApi.tokens}
        configKind="api-token"
        rowKey={(token) => token.name}
        header={(reload) => (
          <>
            <NewToken
              onCreated={(token) => {
                setCreated(token);
                reload();
              }}
            />
            {failure !== null && (
              <Alert severity="error" data-testid="token-revoke-error">
                {failure}
              </Alert>
            )}
          </>
        )}
        columns={[
          { label: t('admin.fields.name'), render: (token) => token.name },
          { label: t('admin.fields.prefix'), render: (token) => <code>{token.prefix}…</code> },
          {
            label: t('admin.fields.scopes'),
            render: (token) => (
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {token.scopes.map((scope) => (
                  <Chip key={scope} size="small" label={scope} />
                ))}
              </Stack>
            ),
          },
          { label: t('admin.fields.createdAt'), render: (token) => `${formatInstant(token.createdAt, language)}${token.createdBy ? ` · ${token.createdBy}` : ''}` },
          { label: t('admin.fields.expiresAt'), render: (token) => formatInstant(token.expiresAt, language) },
          { label: t('admin.fields.lastUsedAt'), render: (token) => formatInstant(token.lastUsedAt, language) },
          {
            label: t('admin.fields.status'),
            render: (token) =>
              token.revokedAt !== null ? (
                <Chip size="small" color="default" label={t('admin.revokedAt', { time: formatInstant(token.revokedAt, language) })} data-testid={`token-revoked-${token.name}`} />
              ) : (
                <Chip size="small" color="success" label={t('admin.active')} />
              ),
          },
        ]}
        actions={(token, reload) =>
          token.revokedAt === null ? (
            <Button size="small" color="error" onClick={() => setRevoking({ token, reload })} data-testid={`token-revoke-${token.name}`}>
              {t('admin.revoke')}
            </Button>
          ) : null
        }
      />
      <CreatedToken token={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin.revokeTitle')}
        text={t('admin.revokeText', { name: revoking?.token.name ?? '' })}
        confirmLabel={t('admin.revoke')}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void revoke()}
      />
    </>
  );
}
