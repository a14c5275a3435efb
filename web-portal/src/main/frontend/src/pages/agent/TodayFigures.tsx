import { Card, CardContent, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The agent's figures for today; a placeholder until the stats-service offers them. */
export function TodayFigures() {
  const { t } = useTranslation();
  return (
    <Card variant="outlined" data-testid="today-figures">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('today.title')}
        </Typography>
        <Typography color="text.secondary">{t('today.placeholder')}</Typography>
      </CardContent>
    </Card>
  );
}
