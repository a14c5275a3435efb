import { createTheme } from '@mui/material/styles';

// System fonts: no web font to download, nothing for the Content-Security-Policy to allow.
export const theme = createTheme({
  palette: {
    primary: { main: '#0b5cad' },
    background: { default: '#f4f6f8' },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  },
});
