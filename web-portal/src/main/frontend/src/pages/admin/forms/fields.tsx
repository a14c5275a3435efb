import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, TextField, type TextFieldProps } from '@mui/material';
import type { ReactNode } from 'react';
import type { FormValues } from './paths';
import type { EntityForm } from './useEntityForm';

type AnyForm = Pick<EntityForm<FormValues, unknown>, 'get' | 'set' | 'errorFor'>;

interface BaseProps {
  form: AnyForm;
  /** The API's field name, e.g. `members[1].extension`; the field's test id is `field-<path>`. */
  path: string;
  label: string;
  /** Shown under the field while the server has nothing to say about it. */
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** Overrides `field-<path>` where a page asks for a particular id (e.g. `group-strategy`). */
  testId?: string;
  sx?: TextFieldProps['sx'];
}

function helperProps(form: AnyForm, path: string, hint: ReactNode, testId: string) {
  const error = form.errorFor(path);
  return {
    error: error !== undefined,
    helperText: error ?? hint,
    slotProps: { formHelperText: { 'data-testid': `${testId}-helper` } as object },
  };
}

/** A text input bound to `path`; the server's message for the field replaces the hint, in red. */
export function FormTextField({
  form,
  path,
  label,
  hint,
  required,
  disabled,
  testId = `field-${path}`,
  type = 'text',
  multiline,
  autoComplete,
  sx,
}: BaseProps & { type?: 'text' | 'password' | 'date' | 'time' | 'datetime-local' | 'email'; multiline?: boolean; autoComplete?: string }) {
  const value = form.get(path);
  const helper = helperProps(form, path, hint, testId);
  return (
    <TextField
      label={label}
      type={type}
      value={typeof value === 'string' ? value : value == null ? '' : String(value)}
      onChange={(event) => form.set(path, event.target.value)}
      required={required}
      disabled={disabled}
      multiline={multiline}
      fullWidth
      size="small"
      autoComplete={autoComplete}
      error={helper.error}
      helperText={helper.helperText}
      sx={sx}
      slotProps={{
        htmlInput: { 'data-testid': testId, 'data-field': path },
        formHelperText: helper.slotProps.formHelperText,
        inputLabel: type === 'date' || type === 'time' || type === 'datetime-local' ? { shrink: true } : undefined,
      }}
    />
  );
}

/** A whole number bound to `path`: empty is null (the server's default). */
export function FormNumberField({
  form,
  path,
  label,
  hint,
  required,
  disabled,
  testId = `field-${path}`,
  min,
  max,
  step = 1,
  sx,
}: BaseProps & { min?: number; max?: number; step?: number }) {
  const value = form.get(path);
  const helper = helperProps(form, path, hint, testId);
  return (
    <TextField
      label={label}
      type="number"
      value={typeof value === 'number' && Number.isFinite(value) ? String(value) : ''}
      onChange={(event) => {
        const text = event.target.value.trim();
        form.set(path, text === '' ? null : Number(text));
      }}
      required={required}
      disabled={disabled}
      fullWidth
      size="small"
      error={helper.error}
      helperText={helper.helperText}
      sx={sx}
      slotProps={{
        htmlInput: { 'data-testid': testId, 'data-field': path, min, max, step, inputMode: Number.isInteger(step) ? 'numeric' : 'decimal' },
        formHelperText: helper.slotProps.formHelperText,
      }}
    />
  );
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A native select bound to `path` (browser tests pick with selectOption). `emptyLabel` adds a
 * choice for null.
 */
export function FormSelect({
  form,
  path,
  label,
  hint,
  required,
  disabled,
  testId = `field-${path}`,
  choices,
  emptyLabel,
  numeric = false,
  sx,
}: BaseProps & { choices: readonly Choice[]; emptyLabel?: string; numeric?: boolean }) {
  const value = form.get(path);
  const helper = helperProps(form, path, hint, testId);
  const text = value == null ? '' : String(value);
  const known = text === '' || choices.some((choice) => choice.value === text);
  return (
    <TextField
      select
      label={label}
      value={text}
      onChange={(event) => {
        const chosen = event.target.value;
        form.set(path, chosen === '' ? null : numeric ? Number(chosen) : chosen);
      }}
      required={required}
      disabled={disabled}
      fullWidth
      size="small"
      error={helper.error}
      helperText={helper.helperText}
      sx={sx}
      slotProps={{
        select: { native: true },
        htmlInput: { 'data-testid': testId, 'data-field': path },
        formHelperText: helper.slotProps.formHelperText,
        inputLabel: { shrink: true },
      }}
    >
      {(emptyLabel !== undefined || text === '') && <option value="">{emptyLabel ?? ''}</option>}
      {!known && <option value={text}>{text}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </TextField>
  );
}

/** A yes/no bound to `path`. */
export function FormCheckbox({ form, path, label, hint, disabled, testId = `field-${path}` }: BaseProps) {
  const error = form.errorFor(path);
  return (
    <FormControl error={error !== undefined}>
      <FormControlLabel
        label={label}
        disabled={disabled}
        control={
          <Checkbox
            checked={form.get(path) === true}
            onChange={(event) => form.set(path, event.target.checked)}
            slotProps={{ input: { 'data-testid': testId, 'data-field': path } as object }}
          />
        }
      />
      {(error ?? hint) !== undefined && <FormHelperText data-testid={`${testId}-helper`}>{error ?? hint}</FormHelperText>}
    </FormControl>
  );
}

/** Several of a list of choices (roles, groups, scopes) bound to the string list at `path`; each box is `field-<path>-<value>`. */
export function FormCheckboxGroup({ form, path, label, hint, disabled, choices, testId = `field-${path}` }: BaseProps & { choices: readonly Choice[] }) {
  const raw = form.get(path);
  const chosen = Array.isArray(raw) ? (raw as string[]) : [];
  const error = form.errorFor(path);
  const toggle = (value: string, on: boolean) =>
    form.set(path, on ? [...chosen.filter((each) => each !== value), value] : chosen.filter((each) => each !== value));
  return (
    <FormControl component="fieldset" error={error !== undefined} data-testid={testId}>
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup row>
        {choices.map((choice) => (
          <FormControlLabel
            key={choice.value}
            label={choice.label}
            disabled={disabled}
            control={
              <Checkbox
                checked={chosen.includes(choice.value)}
                onChange={(event) => toggle(choice.value, event.target.checked)}
                slotProps={{ input: { 'data-testid': `${testId}-${choice.value}` } as object }}
              />
            }
          />
        ))}
      </FormGroup>
      {(error ?? hint) !== undefined && <FormHelperText data-testid={`${testId}-helper`}>{error ?? hint}</FormHelperText>}
    </FormControl>
  );
}
