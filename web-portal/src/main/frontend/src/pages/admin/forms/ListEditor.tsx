import { Box, Button, FormHelperText, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormValues } from './paths';
import type { EntityForm } from './useEntityForm';

interface Props {
  form: Pick<EntityForm<FormValues, unknown>, 'get' | 'set' | 'errorFor'>;
  /** The list's API field name, e.g. `members`: buttons are `<path>-add` and `<path>-remove-<index>`. */
  path: string;
  title: string;
  addLabel: string;
  emptyText: string;
  newItem(): unknown;
  /** The inputs of item `index` (their paths are `<path>[index].<field>`). */
  renderItem(index: number): ReactNode;
  disabled?: boolean;
}

/** Rows of a list field (group members, skill requirements, intervals) with add and remove. */
export function ListEditor({ form, path, title, addLabel, emptyText, newItem, renderItem, disabled }: Props) {
  const { t } = useTranslation();
  const raw = form.get(path);
  const items = Array.isArray(raw) ? raw : [];
  const error = form.errorFor(path);
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: error ? 'error.main' : 'divider', borderRadius: 1, p: 2, m: 0 }} data-testid={`field-${path}`}>
      <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
        {title}
      </Typography>
      <Stack spacing={1.5}>
        {items.map((_, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid={`${path}-item-${index}`}>
            <Box sx={{ flexGrow: 1, display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: 'repeat(auto-fit, minmax(10rem, 1fr))' } }}>{renderItem(index)}</Box>
            {form.errorFor(`${path}[${index}]`) !== undefined && <FormHelperText error>{form.errorFor(`${path}[${index}]`)}</FormHelperText>}
            <Tooltip title={t('admin.remove')}>
              <span>
                <IconButton
                  aria-label={t('admin.remove')}
                  disabled={disabled}
                  onClick={() => form.set(path, items.filter((__, other) => other !== index))}
                  data-testid={`${path}-remove-${index}`}
                >
                  ×
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
        ))}
        {items.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {emptyText}
          </Typography>
        )}
        {error !== undefined && (
          <FormHelperText error data-testid={`field-${path}-helper`}>
            {error}
          </FormHelperText>
        )}
        <Box>
          <Button size="small" variant="outlined" disabled={disabled} onClick={() => form.set(path, [...items, newItem()])} data-testid={`${path}-add`}>
            {addLabel}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
