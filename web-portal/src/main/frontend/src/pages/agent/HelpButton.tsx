import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Snackbar, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import { errorText } from '../../api/errorText';

/** Asks the agent's supervisors for help, with an optional message. */
export function HelpButton({ extension }: { extension: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      await callApi.askForHelp(extension, message.trim());
      setOpen(false);
      setMessage('');
      setSent(true);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Button variant="outlined" color="secondary" size="large" onClick={() => setOpen(true)} data-testid="agent-help" sx={{ py: 1.5 }}>
        {t('help.ask')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="agent-help-dialog">
        <form onSubmit={send} noValidate>
          <DialogTitle>{t('help.ask')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {t('help.hint')}
            </Typography>
            {error !== null && (
              <Alert severity="error" sx={{ mb: 2 }} data-testid="agent-help-error">
                {error}
              </Alert>
            )}
            <TextField
              label={t('help.message')}
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              fullWidth
              multiline
              minRows={2}
              autoFocus
              slotProps={{ htmlInput: { 'data-testid': 'agent-help-message', maxLength: 500 } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} data-testid="agent-help-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={sending} data-testid="agent-help-send">
              {t('help.send')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      <Snackbar open={sent} autoHideDuration={6000} onClose={() => setSent(false)}>
        <Alert severity="success" onClose={() => setSent(false)} data-testid="agent-help-sent">
          {t('help.sent')}
        </Alert>
      </Snackbar>
    </>
  );
}
