import { Box, Typography } from '@mui/material';

/**
 * The browser's own player for audio the API serves (a prompt, a call's recording). The browser
 * fetches `src` itself with the session cookie and asks for byte ranges when the user seeks;
 * nothing is loaded until the user presses play.
 */
export function AudioPlayer({ src, label, testId }: { src: string; label: string; testId: string }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: '8rem' }}>
        {label}
      </Typography>
      <audio controls preload="none" src={src} aria-label={label} data-testid={testId} style={{ maxWidth: '100%' }} />
    </Box>
  );
}
