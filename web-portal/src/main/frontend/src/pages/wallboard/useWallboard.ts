import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api';
import { errorText } from '../../api/errorText';
import type { QueueItem } from '../../api/supervision';
import { useEventStream } from '../../events/useEventStream';
import { INITIAL_SUPERVISOR_STATE, asQueueItem, supervisorReducer } from '../supervisor/supervisorState';
import { useTodayRefresh } from '../supervisor/useTodayRefresh';
import { recordSample, type WaitingHistory } from './sampling';

const POLL_INTERVAL_MS = 5000;

export interface WallboardView {
  queues: QueueItem[];
  history: WaitingHistory;
  live: boolean;
  loaded: boolean;
  /** False while stats-service could not give today's figures. */
  todayAvailable: boolean;
  error: string | null;
}

/**
 * The queues for the wallboard: read once, then kept current by `queue` events; every count
 * seen is kept for the charts. Today's figures (not in the events) are read again a moment after
 * callers entered or left a queue ({@link useTodayRefresh}); everything is read again when the stream (re)opens, and only while it is
 * not open every few seconds.
 */
export function useWallboard(): WallboardView {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(supervisorReducer, INITIAL_SUPERVISOR_STATE);
  const [history, setHistory] = useState<WaitingHistory>({});
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const mounted = useRef(true);

  const sample = useCallback((queues: readonly QueueItem[]) => {
    const at = Date.now();
    setHistory((previous) => queues.reduce((next, queue) => recordSample(next, queue.groupId, at, queue.waiting), previous));
  }, []);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    dispatch({ type: 'load-started' });
    try {
      const list = await supervisionApi.queueList();
      const queues = list.items;
      if (!mounted.current || mine !== generation.current) return;
      dispatch({ type: 'loaded', queues, agents: [], todayAvailable: list.todayAvailable });
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
    };
  }, [load]);

  const [streamOpen, setStreamOpen] = useState(false);
  const today = useTodayRefresh(streamOpen, (list) => {
    if (mounted.current) dispatch({ type: 'today', queues: list.items, todayAvailable: list.todayAvailable });
  });

  const status = useEventStream(
    {
      queue: (data) => {
        const item = asQueueItem(data);
        if (item === null) return;
        dispatch({ type: 'event', event: { kind: 'queue', data: item } });
        sample([item]);
      },
      call: () => today.callMoved(),
      config: (data) => {
        if ((data as { kind?: unknown } | null)?.kind === 'group') void load();
      },
    },
    () => void load(),
  );
  const live = status === 'open';
  useEffect(() => setStreamOpen(live), [live]);

  useEffect(() => {
    if (live) return undefined;
    const timer = setInterval(() => void load(), POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, load]);

  return { queues: state.queues, history, live, loaded: state.loaded, todayAvailable: state.todayAvailable, error };
}
