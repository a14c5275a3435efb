import { Alert, AlertTitle, Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';
import type { FormValues } from './paths';
import type { EntityForm } from './useEntityForm';

interface Props {
  form: EntityForm<FormValues, unknown>;
  title: string;
  listPath: string;
  /** Whether the thing may be deleted here. */
  deletable?: boolean;
  /** The form cannot be changed (e.g. a pause reason the system set up). */
  readOnly?: boolean;
  saveLabel?: string;
  children: ReactNode;
}

/**
 * The frame of every admin form: loading, the server's refusals (a stale version with the offer
 * to reload; problems without a field of their own as a summary), save, back and delete.
 */
export function EntityFormFrame({ form, title, listPath, deletable = true, readOnly = false, saveLabel, children }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!readOnly) void form.save();
  };

  if (form.loading) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }
  if (form.loadError !== null) {
    return (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Alert severity="error" data-testid="form-load-error">
          {form.loadError}
        </Alert>
        <Button component={RouterLink} to={listPath} data-testid="cancel-button">
          {t('admin.backToList')}
        </Button>
      </Stack>
    );
  }

  return (
    <Paper variant="outlined" sx={{ p: 3 }} component="form" onSubmit={submit} noValidate data-testid="entity-form" data-new={form.isNew}>
      <Stack spacing={2.5}>
        <Typography variant="h5" component="h2">
          {title}
        </Typography>
        {form.stale !== null && (
          <Alert
            severity="warning"
            data-testid="stale-version"
            action={
              <Button color="inherit" size="small" onClick={form.reload} data-testid="reload-button">
                {t('admin.reload')}
              </Button>
            }
          >
            <AlertTitle>{t('admin.staleTitle')}</AlertTitle>
            {form.stale}
          </Alert>
        )}
        {form.failure !== null && (
          <Alert severity="error" data-testid="form-failure" role="alert">
            {form.failure}
          </Alert>
        )}
        {form.errors.summary.length > 0 && (
          <Alert severity="error" data-testid="form-errors" role="alert">
            <AlertTitle>{t('admin.notSaved')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {form.errors.summary.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </Box>
          </Alert>
        )}
        {Object.keys(form.errors.fields).length > 0 && form.errors.summary.length === 0 && (
          <Alert severity="error" data-testid="form-errors" role="alert">
            {t('admin.fixFields')}
          </Alert>
        )}
        {children}
        <Stack direction="row" spacing={2} sx={{ pt: 1 }}>
          {!readOnly && (
            <Button type="submit" variant="contained" disabled={form.saving} data-testid="save-button">
              {saveLabel ?? t('admin.save')}
            </Button>
          )}
          <Button component={RouterLink} to={listPath} data-testid="cancel-button">
            {t('common.cancel')}
          </Button>
          <Box sx={{ flexGrow: 1 }} />
          {!form.isNew && deletable && !readOnly && (
            <Button color="error" onClick={() => setConfirming(true)} disabled={form.saving} data-testid="delete-button">
              {t('admin.delete')}
            </Button>
          )}
        </Stack>
      </Stack>
      <ConfirmDialog
        open={confirming}
        title={t('admin.deleteTitle')}
        text={t('admin.deleteText', { name: title })}
        confirmLabel={t('admin.delete')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void form.remove();
        }}
      />
    </Paper>
  );
}
