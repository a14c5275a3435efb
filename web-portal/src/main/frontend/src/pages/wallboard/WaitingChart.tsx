import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { bucketMinutes, bucketSeries, type Sample } from './sampling';

const BUCKETS = 30;
const MINUTES = bucketMinutes(BUCKETS);

/** Callers waiting over the last 30 minutes, one point a minute (the most waiting in it). */
export function WaitingChart({ samples, now, testId }: { samples: readonly Sample[]; now: number; testId: string }) {
  const { t } = useTranslation();
  const data = useMemo(() => bucketSeries(samples, now, BUCKETS), [samples, now]);
  const highest = data.reduce<number>((max, value) => Math.max(max, value ?? 0), 0);

  return (
    <div data-testid={testId} data-points={data.filter((value) => value !== null).length}>
      <LineChart
        height={140}
        skipAnimation
        hideLegend
        margin={{ top: 8, right: 28, bottom: 0, left: 0 }}
        xAxis={[{ data: MINUTES, scaleType: 'linear', min: -(BUCKETS - 1), max: 0, tickNumber: 4, valueFormatter: (minutes: number) => t('wallboard.minutes', { minutes }) }]}
        yAxis={[{ min: 0, max: Math.max(4, highest + 1), tickMinStep: 1, width: 32 }]}
        series={[
          {
            data,
            area: true,
            // A point with nothing known beside it (e.g. the first minute after opening) would draw no line.
            showMark: ({ index }) => data[index] != null && data[index - 1] == null && data[index + 1] == null,
            connectNulls: false,
            color: '#4fc3f7',
            label: t('supervisor.waiting'),
          },
        ]}
        grid={{ horizontal: true }}
      />
    </div>
  );
}
