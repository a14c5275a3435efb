import { useCallback, useEffect, useRef, useState } from 'react';
import { healthApi } from '../api';
import type { Alarm } from '../api/health';
import { useEventStream } from '../events/useEventStream';
import { applyAlarmEvent } from './alarms';

/** While the event stream is not open, `GET /health` is asked this often. */
const POLL_INTERVAL_MS = 15000;

/**
 * The installation's active alarms, for admins and supervisors: read from `GET /health`, then
 * followed through `alarm` events; read again when the stream (re)opens and on `resync`.
 */
export function useAlarms(enabled: boolean): readonly Alarm[] {
  const [alarms, setAlarms] = useState<readonly Alarm[]>([]);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const current = await healthApi.alarms();
      if (mine === generation.current) setAlarms(current);
    } catch {
      // No answer says nothing about alarms: keep what is shown.
    }
  }, []);

  useEffect(() => {
    if (!enabled) {
      setAlarms([]);
      return undefined;
    }
    void load();
    return () => {
      generation.current++;
    };
  }, [enabled, load]);

  const status = useEventStream({ alarm: (data) => setAlarms((shown) => applyAlarmEvent(shown, data)) }, () => void load(), enabled);

  useEffect(() => {
    if (!enabled || status === 'open') return undefined;
    const timer = setInterval(() => void load(), POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [enabled, status, load]);

  return enabled ? alarms : [];
}
