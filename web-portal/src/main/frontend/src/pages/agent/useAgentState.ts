import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentApi } from '../../api';
import type { AgentStateDocument, AgentStateRequest } from '../../api/agents';
import { errorText } from '../../api/errorText';
import { useEventStream } from '../../events/useEventStream';
import { isAgentStateDocument } from './agentStateDocument';
import { replacesShownState } from './agentStateOrder';

/** How often the state is re-read while the event stream is not open (calls arrive without a click). */
const POLL_INTERVAL_MS = 5000;

export interface AgentStateView {
  state: AgentStateDocument | null;
  /** The last failure to read or change the state, as the user should read it. */
  error: string | null;
  /** A change is on its way to the server. */
  changing: boolean;
  /** Whether updates arrive live (event stream) or by polling. */
  live: boolean;
  change(request: AgentStateRequest): Promise<void>;
  /** Takes `seconds` more wrap-up time, within what the group allows. */
  extendWrapUp(seconds: number): Promise<void>;
  dismissError(): void;
}

/**
 * The agent's own state: read on start, followed through the event stream's `agent-state`
 * events, re-read after every change and on `resync`, and polled while the stream is not open
 * so the desktop works before (or without) the server's event stream.
 */
export function useAgentState(extension: string): AgentStateView {
  const { t } = useTranslation();
  const [state, setState] = useState<AgentStateDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [changeError, setChangeError] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);
  const mounted = useRef(true);

  const show = useCallback(
    (incoming: AgentStateDocument) => setState((shown) => (replacesShownState(shown, incoming, extension) ? incoming : shown)),
    [extension],
  );

  const refresh = useCallback(async () => {
    try {
      const document = await agentApi.state(extension);
      if (mounted.current) {
        show(document);
        setLoadError(null);
      }
    } catch (failure) {
      if (mounted.current) setLoadError(errorText(failure, t));
    }
  }, [extension, show, t]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  const status = useEventStream(
    {
      'agent-state': (data) => {
        if (isAgentStateDocument(data)) show(data);
      },
    },
    () => void refresh(),
  );
  const live = status === 'open';

  useEffect(() => {
    if (live) {
      return undefined;
    }
    const timer = setInterval(() => void refresh(), POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, refresh]);

  /** Sends one request; success or not, shows what the server then holds (the state may have moved meanwhile). */
  const send = useCallback(
    async (request: () => Promise<AgentStateDocument | undefined>) => {
      setChanging(true);
      setChangeError(null);
      try {
        const answer = await request();
        if (answer !== undefined && isAgentStateDocument(answer)) show(answer);
      } catch (failure) {
        // 409 (not from this state, extension used up) and 422 (unknown reason): the server's detail says why.
        setChangeError(errorText(failure, t));
      } finally {
        await refresh();
        setChanging(false);
      }
    },
    [refresh, show, t],
  );

  const change = useCallback((request: AgentStateRequest) => send(() => agentApi.change(extension, request)), [extension, send]);
  const extendWrapUp = useCallback((seconds: number) => send(() => agentApi.extendWrapUp(extension, seconds)), [extension, send]);

  const dismissError = useCallback(() => {
    setChangeError(null);
    setLoadError(null);
  }, []);

  return { state, error: changeError ?? loadError, changing, live, change, extendWrapUp, dismissError };
}
