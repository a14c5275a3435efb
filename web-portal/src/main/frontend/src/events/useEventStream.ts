import { useEffect, useRef, useState } from 'react';
import { EventStream, type StreamHandlers, type StreamStatus } from './eventStream';

/**
 * Keeps the server's event stream open while the component is mounted and `enabled`, and hands
 * each named event (`agent-state`, `queue`, `call`, `alarm`) to the matching handler; `onResync`
 * runs when the stream (re)opens and on the server's `resync` event. Handlers may change on every
 * render without reconnecting. Returns the connection status, so a page can fall back to polling
 * while the stream is not open (e.g. before the server offers it).
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
    const stream = new EventStream({
      handlers: () => handlersRef.current,
      onResync: () => onResyncRef.current(),
      onStatus: setStatus,
    });
    stream.start();
    return () => stream.stop();
  }, [enabled]);

  return enabled ? status : 'closed';
}
