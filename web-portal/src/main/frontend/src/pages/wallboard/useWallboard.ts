import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api';
import { errorText } from '../../api/errorText';
import type { QueueItem } from '../../api/supervision';
import { useEventStream } from '../../events/useEventStream';
import { INITIAL_SUPERVISOR_STATE, asQueueItem, supervisorReducer } from '../supervisor/supervisorState';
import { recordSample, type WaitingHistory } from './sampling';

const POLL_INTERVAL_MS = 5000;
const TODAY_REFRESH_MS = 5000;

export interface WallboardView {
  queues: QueueItem[];
  history: WaitingHistory;
  live: boolean;
  loaded: boolean;
  error: string | null;
}

/**
 * The queues for the wallboard: read once, then kept current by `queue` events; every count
 * seen is kept for the charts. Today's figures (not in the events) are read again a moment after
 * callers left a queue; everything is read again when the stream (re)opens, and only while it is
 * not open every few seconds.
 */
export function useWallboard(): WallboardView {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(supervisorReducer, INITIAL_SUPERVISOR_STATE);
  const [history, setHistory] = useState<WaitingHistory>({});
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const mounted = useRef(true);
  const todayTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const sample = useCallback((queues: readonly QueueItem[]) => {
    const at = Date.now();
    setHistory((previous) => queues.reduce((next, queue) => recordSample(next, queue.groupId, at, queue.waiting), previous));
  }, []);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    dispatch({ type: 'load-started' });
    try {
      const queues = await supervisionApi.queues();
      if (!mounted.current || mine !== generation.current) return;
      dispatch({ type: 'loaded', queues, agents: [] });
      sample(queues);
      setError(null);
    } catch (failure) {
      if (!mounted.current || mine !== generation.current) return;
      dispatch({ type: 'load-failed' });
      setError(errorText(failure, t));
    }
  }, [sample, t]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
      if (todayTimer.current !== null) clearTimeout(todayTimer.current);
      todayTimer.current = null;
    };
  }, [load]);

  const status = useEventStream(
    {
      queue: (data) => {
        const item = asQueueItem(data);
        if (item === null) return;
        dispatch({ type: 'event', event: { kind: 'queue', data: item } });
        sample([item]);
      },
      call: (data) => {
        if ((data as { event?: unknown } | null)?.event !== 'LEFT_QUEUE' || todayTimer.current !== null) return;
        todayTimer.current = setTimeout(() => {
          todayTimer.current = null;
          supervisionApi
            .queues()
            .then((queues) => {
              if (mounted.current) dispatch({ type: 'today', queues });
            })
            .catch(() => undefined);
        }, TODAY_REFRESH_MS);
      },
      config: (data) => {
        if ((data as { kind?: unknown } | null)?.kind === 'group') void load();
      },
    },
    () => void load(),
  );
  const live = status === 'open';

  useEffect(() => {
    if (live) return undefined;
    const timer = setInterval(() => void load(), POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, load]);

  return { queues: state.queues, history, live, loaded: state.loaded, error };
}
