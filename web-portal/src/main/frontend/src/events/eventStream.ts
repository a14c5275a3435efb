/** The named events of `GET /api/v1/events`; each carries a JSON document and a sequence id. */
export const STREAM_EVENTS = ['agent-state', 'queue', 'call', 'alarm', 'help-request', 'config'] as const;
export type StreamEventName = (typeof STREAM_EVENTS)[number];

/** Sent by the server when it cannot replay what a client missed: re-read the state. */
export const RESYNC_EVENT = 'resync';

export const EVENTS_URL = '/api/v1/events';

export type StreamEventHandler = (data: unknown, id: string) => void;
export type StreamHandlers = Partial<Record<StreamEventName, StreamEventHandler>>;

/** `open`: events arrive; `connecting`: waiting for (re)connection; `closed`: stopped or retrying later. */
export type StreamStatus = 'connecting' | 'open' | 'closed';

/** The part of the browser's EventSource this stream uses, so tests can give a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** EventSource.CLOSED: the browser gave up (an HTTP error or a wrong content type) and will not retry. */
const CLOSED = 2;

export interface EventStreamOptions {
  /** The handlers in force at the time an event arrives (a React hook passes its latest ones). */
  handlers: () => StreamHandlers;
  /**
   * Re-read everything: after a `resync` event and whenever the stream opens, since events sent
   * before it opened (at start: between the first fetch and the connection; later: while it was
   * down) never arrive.
   */
  onResync: () => void;
  onStatus?: (status: StreamStatus) => void;
  url?: string;
  createEventSource?: (url: string) => EventSourceLike;
  /** Waits before the next attempt once the browser gave up: 1 s, 2 s, 5 s, then every 15 s. */
  retryDelaysMs?: readonly number[];
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * One connection to the server's event stream that dispatches each named event to its handler
 * and stays connected.
 *
 * The browser reconnects by itself after a dropped connection, sending Last-Event-ID; but after
 * an HTTP error (e.g. 404 while the server does not offer the stream yet, or 503 during a
 * restart) it closes for good, so this reopens it with a growing delay.
 */
export class EventStream {
  private source: EventSourceLike | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private stopped = true;
  private readonly url: string;
  private readonly retryDelaysMs: readonly number[];
  private readonly createEventSource: (url: string) => EventSourceLike;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: EventStreamOptions) {
    this.url = options.url ?? EVENTS_URL;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 15000];
    this.createEventSource = options.createEventSource ?? ((url) => new EventSource(url));
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  start(): void {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    this.source?.close();
    this.source = null;
    this.options.onStatus?.('closed');
  }

  private connect(): void {
    this.timer = null;
    this.options.onStatus?.('connecting');
    const source = this.createEventSource(this.url);
    this.source = source;

    source.onopen = () => {
      this.attempt = 0;
      this.options.onStatus?.('open');
      this.options.onResync();
    };
    source.onerror = () => {
      if (this.stopped || this.source !== source) {
        return;
      }
      if (source.readyState === CLOSED) {
        source.close();
        this.source = null;
        this.options.onStatus?.('closed');
        this.scheduleReconnect();
      } else {
        this.options.onStatus?.('connecting');
      }
    };
    for (const name of STREAM_EVENTS) {
      source.addEventListener(name, (event) => this.dispatch(name, event));
    }
    source.addEventListener(RESYNC_EVENT, () => this.options.onResync());
  }

  private dispatch(name: StreamEventName, event: MessageEvent): void {
    const handler = this.options.handlers()[name];
    if (handler === undefined) {
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(String(event.data));
    } catch {
      console.warn(`event stream: ${name} event ${event.lastEventId} is not JSON, ignored`);
      return;
    }
    handler(data, event.lastEventId);
  }

  private scheduleReconnect(): void {
    const delays = this.retryDelaysMs;
    const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 15000;
    this.attempt += 1;
    this.timer = this.setTimer(() => {
      if (!this.stopped) {
        this.connect();
      }
    }, delay);
  }
}
