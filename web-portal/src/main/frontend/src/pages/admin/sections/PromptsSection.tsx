import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, promptApi } from '../../../api';
import { errorText } from '../../../api/errorText';
import { ApiError } from '../../../api/problem';
import { promptAudioUrl, promptNameFromFile, promptNameProblem, type PromptDocument } from '../../../api/prompts';
import { AudioPlayer } from '../../../components/AudioPlayer';
import { ConfirmDialog } from '../forms/ConfirmDialog';

function formatInstant(iso: string | null, language: string): string {
  if (iso === null) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * Upload: a file and the name call flows will use (suggested from the file's name). The server's
 * reason for refusing the audio (stereo, not audio, too long) is shown next to the file.
 */
function UploadPrompt({ systemNames, onUploaded }: { systemNames: ReadonlySet<string>; onUploaded(prompt: PromptDocument): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFileError(null);
    setNameError(null);
    const problem = promptNameProblem(name, systemNames);
    if (problem !== null) {
      setNameError(t(`prompts.nameProblem.${problem}`));
      return;
    }
    if (file === null) {
      setFileError(t('prompts.chooseFile'));
      return;
    }
    setSaving(true);
    try {
      const stored = await promptApi.upload(name, file);
      setFile(null);
      setName('');
      setInputKey((key) => key + 1);
      onUploaded(stored);
    } catch (error) {
      // A refusal of the name (409 system prompt, 422 on the name) belongs to the name; anything else to the file.
      const onName = error instanceof ApiError && (error.status === 409 || (error.status === 422 && Array.isArray(error.problem?.errors)));
      (onName ? setNameError : setFileError)(errorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="form" onSubmit={submit} noValidate data-testid="prompt-upload">
      <Stack spacing={2}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t('prompts.upload')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('prompts.formats')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, alignItems: 'start' }}>
          <Stack spacing={0.5}>
            <Button variant="outlined" component="label" data-testid="prompt-file-button">
              {file === null ? t('prompts.chooseFile') : file.name}
              <input
                key={inputKey}
                hidden
                type="file"
                accept=".wav,audio/wav,audio/x-wav,.ul,.al,.pcmu,.pcma"
                data-testid="prompt-file"
                onChange={(event) => {
                  const chosen = event.target.files?.[0] ?? null;
                  setFile(chosen);
                  setFileError(null);
                  if (chosen !== null && name === '') setName(promptNameFromFile(chosen.name));
                }}
              />
            </Button>
            {fileError !== null && (
              <Alert severity="error" data-testid="prompt-file-error">
                {fileError}
              </Alert>
            )}
          </Stack>
          <TextField
            label={t('admin.fields.name')}
            value={name}
            required
            onChange={(event) => setName(event.target.value.trim())}
            error={nameError !== null}
            helperText={nameError ?? t('prompts.nameHint')}
            slotProps={{ htmlInput: { 'data-testid': 'prompt-name' }, formHelperText: { 'data-testid': 'prompt-name-help' } as object }}
          />
        </Box>
        <Box>
          <Button type="submit" variant="contained" disabled={saving} data-testid="prompt-save">
            {t('prompts.uploadButton')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}

/** The tenant's prompts: the system's and its own, each with a player; its own can be replaced and removed. */
export function PromptsSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [prompts, setPrompts] = useState<PromptDocument[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<PromptDocument | null>(null);

  const reload = useCallback(() => {
    const abort = new AbortController();
    promptApi
      .list(abort.signal)
      .then((items) => {
        setPrompts(items);
        setFailure(null);
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setFailure(errorText(error, t));
      });
    return () => abort.abort();
  }, [t]);

  useEffect(() => reload(), [reload]);

  const systemNames = useMemo(() => new Set((prompts ?? []).filter((prompt) => prompt.system).map((prompt) => prompt.name)), [prompts]);

  const remove = async () => {
    if (removing === null) return;
    const prompt = removing;
    setRemoving(null);
    setFailure(null);
    try {
      await promptApi.remove(prompt.name);
      setNotice(t('admin.deleted', { name: prompt.name }));
      reload();
    } catch (error) {
      setFailure(errorText(error, t));
    }
  };

  return (
    <Stack spacing={2} data-testid="admin-section-prompts">
      <Typography variant="h5" component="h2">
        {t('admin.sections.prompts')}
      </Typography>
      <UploadPrompt
        systemNames={systemNames}
        onUploaded={(prompt) => {
          setNotice(t('admin.saved', { name: prompt.name }));
          reload();
        }}
      />
      {notice !== null && (
        <Alert severity="success" onClose={() => setNotice(null)} data-testid="prompt-notice">
          {notice}
        </Alert>
      )}
      {failure !== null && (
        <Alert severity="error" data-testid="prompt-error">
          {failure}
        </Alert>
      )}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="prompt-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('admin.fields.name')}</TableCell>
              <TableCell>{t('prompts.kind')}</TableCell>
              <TableCell>{t('prompts.modified')}</TableCell>
              <TableCell>{t('prompts.listen')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(prompts ?? []).map((prompt) => (
              <TableRow key={`${prompt.system}-${prompt.name}`} data-testid={`prompt-row-${prompt.name}`}>
                <TableCell>
                  <code>{prompt.name}</code>
                </TableCell>
                <TableCell>
                  <Chip size="small" color={prompt.system ? 'default' : 'primary'} label={t(prompt.system ? 'prompts.system' : 'prompts.own')} />
                </TableCell>
                <TableCell>{formatInstant(prompt.modified, language)}</TableCell>
                <TableCell>
                  {prompt.system ? '–' : <AudioPlayer src={promptAudioUrl(prompt.name, adminApi.tenant)} label="" testId={`prompt-player-${prompt.name}`} />}
                </TableCell>
                <TableCell align="right">
                  {!prompt.system && (
                    <Button size="small" color="error" onClick={() => setRemoving(prompt)} data-testid={`prompt-delete-${prompt.name}`}>
                      {t('admin.delete')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <ConfirmDialog
        open={removing !== null}
        title={t('admin.deleteTitle')}
        text={t('prompts.deleteText', { name: removing?.name ?? '' })}
        confirmLabel={t('admin.delete')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => void remove()}
      />
    </Stack>
  );
}
