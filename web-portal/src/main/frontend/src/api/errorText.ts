import type { TFunction } from 'i18next';
import { ApiError } from './problem';

/**
 * What to tell the user about a failed request: the server's own `detail` when it sent a
 * problem document (it names the actual reason, e.g. why a state change was refused), else a
 * translated text for the kind of failure.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.detail !== null) {
      return error.detail;
    }
    return error.isNetworkFailure ? t('errors.network') : t('errors.http', { status: error.status });
  }
  return t('errors.unexpected');
}
