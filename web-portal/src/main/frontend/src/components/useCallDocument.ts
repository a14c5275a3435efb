import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import type { CallDocument } from '../api/calls';
import { errorText } from '../api/errorText';

export interface CallDocumentView {
  call: CallDocument | null;
  loading: boolean;
  error: string | null;
}

/**
 * The call document of `callId` (null: none), asked for again a few times while it is 404: call
 * records are written in batches, so a call that has just started is not there yet. A new
 * `revision` (e.g. the call's phase) reads it again, showing the earlier answer meanwhile.
 */
export function useCallDocument(callId: string | null, revision: string | null = null, attempts = 5): CallDocumentView {
  const { t } = useTranslation();
  const [view, setView] = useState<CallDocumentView & { callId: string | null }>({ callId: null, call: null, loading: false, error: null });

  useEffect(() => {
    if (callId === null) {
      setView({ callId: null, call: null, loading: false, error: null });
      return undefined;
    }
    const abort = new AbortController();
    setView((shown) => (shown.callId === callId ? { ...shown, loading: true } : { callId, call: null, loading: true, error: null }));
    callApi
      .getSoon(callId, { attempts, delayMs: 1000, signal: abort.signal })
      .then((call) => {
        if (!abort.signal.aborted) setView({ callId, call, loading: false, error: null });
      })
      .catch((failure: unknown) => {
        if (abort.signal.aborted) return;
        // A later read that fails keeps what an earlier one found.
        setView((shown) => (shown.callId === callId && shown.call !== null ? { ...shown, loading: false } : { callId, call: null, loading: false, error: errorText(failure, t) }));
      });
    return () => abort.abort();
  }, [callId, revision, attempts, t]);

  const current = view.callId === callId;
  return { call: current ? view.call : null, loading: current ? view.loading : callId !== null, error: current ? view.error : null };
}
