import { useEffect } from 'react';
import { isFinished } from '../../api/reports';

/**
 * Follows a server-side job (a recalculation, a report job) until it is DONE or FAILED: asks for
 * it again every `intervalMs` while it runs, hands each answer to `setJob`, and a failure to
 * `onFailure`. Stops when the component goes or the job changes.
 */
export function useJobProgress<J extends { id: number; state: string }>(
  job: J | null,
  fetchJob: (id: number, signal: AbortSignal) => Promise<J>,
  setJob: (job: J | null) => void,
  onFailure: (error: unknown) => void,
  intervalMs: number,
): void {
  useEffect(() => {
    if (job === null || isFinished(job)) return undefined;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchJob(job.id, abort.signal)
        .then(setJob)
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          onFailure(error);
          setJob(null);
        });
    }, intervalMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // The callbacks are new each render; the job alone decides when to ask again.
  }, [job]);
}
