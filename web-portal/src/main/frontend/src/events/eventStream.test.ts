import { describe, expect, it, vi } from 'vitest';
import { EventStream, type EventSourceLike, type StreamStatus } from './eventStream';

/** Stands in for the browser's EventSource: the test opens it, fails it and sends events. */
class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, Array<(event: MessageEvent) => void>>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  /** What the browser does after an HTTP error: close for good, then report the error. */
  fail(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }

  /** What the browser does on a dropped connection: report, then retry by itself. */
  drop(): void {
    this.readyState = 0;
    this.onerror?.(new Event('error'));
  }

  send(type: string, data: string, id: string): void {
    const event = new MessageEvent(type, { data, lastEventId: id });
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }
}

function harness(handlers = {}) {
  const sources: FakeEventSource[] = [];
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const statuses: StreamStatus[] = [];
  const onResync = vi.fn();
  const stream = new EventStream({
    handlers: () => handlers,
    onResync,
    onStatus: (status) => statuses.push(status),
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    clearTimer: () => undefined,
  });
  return { stream, sources, timers, statuses, onResync, latest: () => sources[sources.length - 1]! };
}

describe('EventStream', () => {
  it('hands each named event to its handler with the parsed document and the sequence id', () => {
    const agentState = vi.fn();
    const alarm = vi.fn();
    const { stream, latest } = harness({ 'agent-state': agentState, alarm });

    stream.start();
    latest().open();
    latest().send('agent-state', '{"extension":"1001","state":"READY"}', '41');
    latest().send('queue', '{"group":"Support"}', '42');

    expect(latest().url).toBe('/api/v1/events');
    expect(agentState).toHaveBeenCalledWith({ extension: '1001', state: 'READY' }, '41');
    expect(alarm).not.toHaveBeenCalled();
  });

  it('ignores an event whose data is not JSON', () => {
    const agentState = vi.fn();
    const { stream, latest } = harness({ 'agent-state': agentState });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    stream.start();
    latest().send('agent-state', 'not json', '7');

    expect(agentState).not.toHaveBeenCalled();
  });

  it('re-reads the state when the server asks for it and whenever the stream opens', () => {
    const { stream, latest, onResync } = harness();

    stream.start();
    latest().open();
    latest().send('resync', '', '9');
    latest().drop();
    latest().open();

    expect(onResync).toHaveBeenCalledTimes(3);
  });

  it('reopens the stream after the browser gave up, waiting longer each time', () => {
    const { stream, sources, timers, statuses, latest } = harness();

    stream.start();
    latest().fail();
    timers[0]!.callback();
    latest().fail();
    timers[1]!.callback();
    latest().open();

    expect(sources).toHaveLength(3);
    expect(sources[0]!.closed).toBe(true);
    expect(timers.map((timer) => timer.ms)).toEqual([1000, 2000]);
    expect(statuses.at(-1)).toBe('open');
  });

  it('leaves reconnecting after a dropped connection to the browser', () => {
    const { stream, sources, timers, statuses, latest } = harness();

    stream.start();
    latest().open();
    latest().drop();

    expect(sources).toHaveLength(1);
    expect(timers).toHaveLength(0);
    expect(statuses.at(-1)).toBe('connecting');
  });

  it('starts over with the short delay once a connection succeeded', () => {
    const { stream, timers, latest } = harness();

    stream.start();
    latest().fail();
    timers[0]!.callback();
    latest().open();
    latest().fail();

    expect(timers.map((timer) => timer.ms)).toEqual([1000, 1000]);
  });

  it('closes the connection and stays closed when stopped', () => {
    const { stream, sources, timers, latest } = harness();

    stream.start();
    latest().fail();
    stream.stop();
    timers[0]!.callback();

    expect(sources).toHaveLength(1);
    expect(sources[0]!.closed).toBe(true);
  });
});
