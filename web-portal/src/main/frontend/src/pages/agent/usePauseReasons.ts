import { useEffect, useState } from 'react';
import { pauseReasonApi } from '../../api';
import { choosableReasons, type PauseReason } from '../../api/pauseReasons';

export interface PauseReasons {
  /** All of the tenant's reasons, to name the current one; null until loaded. */
  all: PauseReason[] | null;
  /** The ones the agent may pick. */
  choosable: PauseReason[];
  failed: boolean;
}

/** The tenant's pause reasons, read once per visit of the desktop. */
export function usePauseReasons(): PauseReasons {
  const [all, setAll] = useState<PauseReason[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    pauseReasonApi
      .list(abort.signal)
      .then((reasons) => {
        setAll(reasons);
        setFailed(false);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true);
      });
    return () => abort.abort();
  }, []);

  return { all, choosable: choosableReasons(all ?? []), failed };
}

/** The label of a reason code, or the code itself when the tenant's list does not have it. */
export function reasonLabel(reasons: PauseReason[] | null, code: string | null): string | null {
  if (code === null) {
    return null;
  }
  return reasons?.find((reason) => reason.code === code)?.label ?? code;
}
