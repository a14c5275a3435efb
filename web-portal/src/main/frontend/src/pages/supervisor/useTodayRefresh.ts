import { useCallback, useEffect, useRef } from 'react';
import { supervisionApi } from '../../api';
import type { QueueList } from '../../api/supervision';

/** After a caller entered or left a queue, today's figures are read again at most this often. */
export const TODAY_REFRESH_MS = 5000;
/**
 * And once more this long after the last such event: stats-service counts a call after the slice
 * worker's next pass (every 15 s), so the first read may come too early for the last calls.
 */
export const TODAY_SETTLE_MS = 20000;
/** While nothing happens, the last 15 and 60 minutes still move on: read again this often. */
export const TODAY_QUIET_MS = 60000;

/**
 * Keeps today's figures current on a live page: `callMoved()` is called for every `call` event
 * (a caller queued or left a queue), and the figures are read again 5 s later, at most once every
 * 5 s, then once more after the events stop; and every minute while the stream is open. Never more
 * often than every 5 s; the portal keeps stats-service's answer 2 s per tenant besides.
 */
export function useTodayRefresh(live: boolean, apply: (list: QueueList) => void): { callMoved(): void } {
  const soon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRead = useRef(0);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  const read = useCallback(() => {
    lastRead.current = Date.now();
    supervisionApi
      .queueList()
      .then((list) => applyRef.current(list))
      .catch(() => undefined);
  }, []);

  const callMoved = useCallback(() => {
    if (soon.current === null) {
      const wait = Math.max(TODAY_REFRESH_MS, lastRead.current + TODAY_REFRESH_MS - Date.now());
      soon.current = setTimeout(() => {
        soon.current = null;
        read();
      }, wait);
    }
    if (settle.current !== null) clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      settle.current = null;
      if (Date.now() - lastRead.current >= TODAY_REFRESH_MS) read();
    }, TODAY_SETTLE_MS);
  }, [read]);

  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => {
      if (Date.now() - lastRead.current >= TODAY_REFRESH_MS) read();
    }, TODAY_QUIET_MS);
    return () => clearInterval(timer);
  }, [live, read]);

  useEffect(
    () => () => {
      if (soon.current !== null) clearTimeout(soon.current);
      if (settle.current !== null) clearTimeout(settle.current);
      soon.current = null;
      settle.current = null;
    },
    [],
  );

  return { callMoved };
}
