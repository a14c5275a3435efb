import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api';
import { errorText } from '../../api/errorText';
import type { GroupFairnessDocument } from '../../api/supervision';
import { formatDuration } from '../agent/duration';

function oneDecimal(value: number, language: string): string {
  return value.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** How evenly a group's calls went round its agents in the last 24 hours: offers per agent as bars, the rest as figures. */
export function FairnessDialog({ group, onClose }: { group: { id: number; name: string } | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [shown, setShown] = useState<{ fairness: GroupFairnessDocument | null; error: string | null }>({ fairness: null, error: null });

  useEffect(() => {
    if (group === null) return undefined;
    const abort = new AbortController();
    setShown({ fairness: null, error: null });
    supervisionApi
      .fairness(group.id, abort.signal)
      .then((fairness) => {
        if (!abort.signal.aborted) setShown({ fairness, error: null });
      })
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setShown({ fairness: null, error: errorText(failure, t) });
      });
    return () => abort.abort();
  }, [group, t]);

  const fairness = shown.fairness?.fairness ?? null;
  const seconds = (value: number) => formatDuration(Math.round(value));
  return (
    <Dialog open={group !== null} onClose={onClose} fullWidth maxWidth="sm" data-testid="fairness-dialog">
      <DialogTitle>{t('fairness.title', { group: group?.name ?? '' })}</DialogTitle>
      <DialogContent>
        {shown.error !== null && <Alert severity="error">{shown.error}</Alert>}
        {fairness === null && shown.error === null && <CircularProgress size={24} />}
        {fairness !== null && (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('fairness.summary', { offers: fairness.offers, agents: fairness.members.length })}
            </Typography>
            <div data-testid="fairness-chart" data-agents={fairness.members.length}>
              <BarChart
                height={Math.max(160, 28 * fairness.members.length + 40)}
                layout="horizontal"
                skipAnimation
                hideLegend
                yAxis={[{ scaleType: 'band', data: fairness.members.map((member) => member.extension), width: 48 }]}
                xAxis={[{ min: 0, tickMinStep: 1 }]}
                series={[{ data: fairness.members.map((member) => member.offers), label: t('fairness.offers'), color: '#4fc3f7' }]}
                grid={{ vertical: true }}
              />
            </div>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '14rem 1fr', gap: 0.5, m: 0 }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {t('fairness.offersPerAgent')}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }} data-testid="fairness-offers-per-agent">
                {t('fairness.range', {
                  min: fairness.offersPerAgent.min,
                  max: fairness.offersPerAgent.max,
                  mean: oneDecimal(fairness.offersPerAgent.mean, language),
                  deviation: oneDecimal(fairness.offersPerAgent.standardDeviation, language),
                })}
              </Typography>
              <Typography component="dt" variant="body2" color="text.secondary">
                {t('fairness.idleAtOffer')}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }} data-testid="fairness-idle">
                {fairness.offers === 0
                  ? '–'
                  : t('fairness.idleRange', {
                      min: seconds(fairness.idleAtOfferSeconds.min),
                      median: seconds(fairness.idleAtOfferSeconds.median),
                      p90: seconds(fairness.idleAtOfferSeconds.p90),
                      max: seconds(fairness.idleAtOfferSeconds.max),
                    })}
              </Typography>
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="fairness-dialog-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
