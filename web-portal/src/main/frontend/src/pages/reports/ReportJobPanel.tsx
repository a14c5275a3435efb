import { Alert, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportApi } from '../../api';
import { errorText } from '../../api/errorText';
import { useJobProgress } from './useJobProgress';
import { isFinished, REPORT_FORMATS, reportJobFileUrl, type ReportJob, type ReportQuery } from '../../api/reports';

const POLL_MS = 1000;

/**
 * A report too long to wait for (a month of intervals by agent) runs as a job on the server and
 * lands in the tenant's stored files; this shows its progress and then a link to the file.
 */
export function ReportJobPanel({ query, language }: { query: ReportQuery; language: string }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<ReportJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useJobProgress(job, (id, signal) => reportApi.reportJob(id, signal), setJob, (error) => setFailure(errorText(error, t)), POLL_MS);

  const start = (format: (typeof REPORT_FORMATS)[number]) => {
    setFailure(null);
    reportApi
      .startReportJob(query, format, language)
      .then(setJob)
      .catch((error: unknown) => setFailure(errorText(error, t)));
  };

  const running = job !== null && !isFinished(job);
  return (
    <Stack spacing={1} sx={{ mt: 1 }} data-testid="report-job">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {t('reports.job.start')}:
        </Typography>
        {REPORT_FORMATS.map((format) => (
          <Button key={format} size="small" onClick={() => start(format)} disabled={running} data-testid={`report-job-${format}`}>
            {format.toUpperCase()}
          </Button>
        ))}
      </Stack>
      {job !== null && (
        <Stack spacing={0.5} data-testid="report-job-progress" data-state={job.state}>
          <LinearProgress
            variant="determinate"
            value={job.state === 'DONE' ? 100 : job.progressPercent}
            color={job.state === 'FAILED' ? 'error' : job.state === 'DONE' ? 'success' : 'primary'}
          />
          {job.state === 'DONE' ? (
            <Typography variant="caption">
              <a href={reportJobFileUrl(job.id)} download data-testid="report-job-file">
                {t('reports.job.done', { file: job.fileName ?? '', rows: job.rows ?? 0 })}
              </a>
            </Typography>
          ) : (
            <Typography variant="caption">
              {job.state === 'FAILED'
                ? t('reports.job.failed', { why: job.failure ?? '' })
                : t('reports.job.progress', { percent: job.progressPercent })}
            </Typography>
          )}
        </Stack>
      )}
      {failure !== null && (
        <Alert severity="error" data-testid="report-job-error">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
