/** How a service level compares with its target: met, close (within 10 points), missed, or no calls yet. */
export type ServiceLevelStatus = 'met' | 'close' | 'missed' | 'none';

/** Points below the target that still count as close. */
export const CLOSE_MARGIN = 10;

export function serviceLevelStatus(percent: number | null | undefined, targetPercent: number | null | undefined): ServiceLevelStatus {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return 'none';
  const target = targetPercent ?? 80;
  if (percent >= target) return 'met';
  return percent >= target - CLOSE_MARGIN ? 'close' : 'missed';
}

export const SERVICE_LEVEL_COLOURS: Record<ServiceLevelStatus, string> = {
  met: '#2e7d32',
  close: '#ed6c02',
  missed: '#c62828',
  none: '#757575',
};

/** "87.5 %" / "87,5 %" in the page's language; "–" before the first call. */
export function formatPercent(percent: number | null | undefined, language: string): string {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return '–';
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(percent)} %`;
}
