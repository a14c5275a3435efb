/** "0:07", "12:34", "1:02:03": elapsed time as agents read it on a phone display. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${minutes}:${two(rest)}`;
}

/**
 * Seconds from an ISO instant to now; never negative, since the browser's clock may run a little
 * behind the server's.
 */
export function secondsSince(isoInstant: string, nowMs: number): number {
  const start = Date.parse(isoInstant);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((nowMs - start) / 1000));
}
