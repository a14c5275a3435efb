import { describe, expect, it, vi } from 'vitest';
import { EventHub, type StreamLike } from './eventHub';
import type { EventStreamOptions, StreamStatus } from './eventStream';

function harness() {
  const streams: Array<StreamLike & { options: EventStreamOptions; started: boolean; stopped: boolean }> = [];
  const timers: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
  const hub = new EventHub({
    createStream: (options) => {
      const stream = {
        options,
        started: false,
        stopped: false,
        start() {
          this.started = true;
        },
        stop() {
          this.stopped = true;
        },
      };
      streams.push(stream);
      return stream;
    },
    idleCloseMs: 500,
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const subscriber = (name: string) => {
    const statuses: StreamStatus[] = [];
    const handler = vi.fn();
    const onResync = vi.fn();
    return { statuses, handler, onResync, subscription: { handlers: () => ({ [name]: handler }), onResync, onStatus: (s: StreamStatus) => statuses.push(s) } };
  };
  return { hub, streams, timers, subscriber };
}

describe('EventHub', () => {
  it('opens one stream for all subscribers and hands each event to everyone listening for it', () => {
    const { hub, streams, subscriber } = harness();
    const layout = subscriber('alarm');
    const page = subscriber('agent-state');
    const alsoAlarms = subscriber('alarm');

    hub.subscribe(layout.subscription);
    hub.subscribe(page.subscription);
    hub.subscribe(alsoAlarms.subscription);
    streams[0]!.options.handlers().alarm?.({ code: 'X' }, '5');

    expect(streams).toHaveLength(1);
    expect(streams[0]!.started).toBe(true);
    expect(layout.handler).toHaveBeenCalledWith({ code: 'X' }, '5');
    expect(alsoAlarms.handler).toHaveBeenCalledOnce();
    expect(page.handler).not.toHaveBeenCalled();
  });

  it('tells every subscriber the status and asks each to resync', () => {
    const { hub, streams, subscriber } = harness();
    const first = subscriber('queue');
    const second = subscriber('queue');
    hub.subscribe(first.subscription);
    streams[0]!.options.onStatus?.('open');
    hub.subscribe(second.subscription);
    streams[0]!.options.onResync();

    expect(first.statuses).toEqual(['closed', 'open']);
    expect(second.statuses).toEqual(['open']);
    expect(first.onResync).toHaveBeenCalledOnce();
    expect(second.onResync).toHaveBeenCalledOnce();
  });

  it('keeps the stream across a page change and closes it once nobody listens', () => {
    const { hub, streams, timers, subscriber } = harness();
    const leave = hub.subscribe(subscriber('queue').subscription);
    leave();
    const leaveAgain = hub.subscribe(subscriber('queue').subscription);

    expect(timers[0]!.cleared).toBe(true);
    expect(streams[0]!.stopped).toBe(false);

    leaveAgain();
    timers[1]!.callback();
    expect(streams[0]!.stopped).toBe(true);

    hub.subscribe(subscriber('queue').subscription);
    expect(streams).toHaveLength(2);
  });
});
