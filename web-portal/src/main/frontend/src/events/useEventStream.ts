import { useEffect, useRef, useState } from 'react';
import { EventHub } from './eventHub';
import type { StreamHandlers, StreamStatus } from './eventStream';

/** The page's one event stream, shared by every component that listens. */
export const eventHub = new EventHub();

/**
 * Listens to the server's event stream while the component is mounted and `enabled`, and hands
 * each named event (`agent-state`, `queue`, `call`, `alarm`, `help-request`, `config`) to the
 * matching handler; `onResync` runs when the stream (re)opens and on the server's `resync` event.
 * Handlers may change on every render without reconnecting. All components share one connection.
 * Returns the connection status, so a page can fall back to polling while the stream is not open
 * (e.g. before the server offers it) — and must not poll while it is.
 */
export function useEventStream(handlers: StreamHandlers, onResync: () => void, enabled = true): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('closed');
  const handlersRef = useRef(handlers);
  const onResyncRef = useRef(onResync);

  useEffect(() => {
    handlersRef.current = handlers;
    onResyncRef.current = onResync;
  });

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      return undefined;
    }
    return eventHub.subscribe({
      handlers: () => handlersRef.current,
      onResync: () => onResyncRef.current(),
      onStatus: setStatus,
    });
  }, [enabled]);

  return enabled ? status : 'closed';
}
