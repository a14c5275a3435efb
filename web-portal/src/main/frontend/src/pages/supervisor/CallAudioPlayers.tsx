import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { callAudioOf, callAudioUrl, type CallDocument } from '../../api/calls';
import { AudioPlayer } from '../../components/AudioPlayer';

/** Players for a call's recording and voicemail, where it has them; nothing for a call with neither. */
export function CallAudioPlayers({ call }: { call: Pick<CallDocument, 'callId' | 'hasRecording' | 'hasVoicemail'> }) {
  const { t } = useTranslation();
  const audio = callAudioOf(call);
  if (audio.length === 0) {
    return null;
  }
  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="call-audio">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('callDialog.audio')}
      </Typography>
      {audio.map((kind) => (
        <AudioPlayer key={kind} src={callAudioUrl(call.callId, kind)} label={t(`callDialog.${kind}`)} testId={`call-${kind}-player`} />
      ))}
    </Stack>
  );
}
