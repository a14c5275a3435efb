import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function ConfirmDialog({ open, title, text, confirmLabel, onConfirm, onCancel }: { open: boolean; title: string; text: string; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onCancel} data-testid="confirm-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} data-testid="confirm-cancel">
          {t('common.cancel')}
        </Button>
        <Button onClick={onConfirm} color="error" variant="contained" data-testid="confirm-ok">
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
