import type { Alarm } from '../api/health';

/** The active alarms after an `alarm` event: raised ones added (or their text updated), cleared ones removed. */
export function applyAlarmEvent(alarms: readonly Alarm[], event: unknown): readonly Alarm[] {
  if (event === null || typeof event !== 'object') return alarms;
  const { code, active, message } = event as { code?: unknown; active?: unknown; message?: unknown };
  if (typeof code !== 'string') return alarms;
  const others = alarms.filter((alarm) => alarm.code !== code);
  if (active === false) {
    return others.length === alarms.length ? alarms : others;
  }
  const previous = alarms.find((alarm) => alarm.code === code);
  const raised: Alarm = { ...previous, code, message: typeof message === 'string' ? message : previous?.message ?? code };
  return previous === undefined ? [...alarms, raised] : alarms.map((alarm) => (alarm.code === code ? raised : alarm));
}
