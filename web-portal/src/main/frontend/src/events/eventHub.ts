import { EventStream, STREAM_EVENTS, type EventStreamOptions, type StreamHandlers, type StreamStatus } from './eventStream';

/** One user of the shared stream: its handlers (read when an event arrives), resync and status callbacks. */
export interface StreamSubscriber {
  handlers: () => StreamHandlers;
  onResync: () => void;
  onStatus: (status: StreamStatus) => void;
}

/** The part of {@link EventStream} the hub drives, so tests can give a fake. */
export interface StreamLike {
  start(): void;
  stop(): void;
}

export interface EventHubOptions {
  createStream?: (options: EventStreamOptions) => StreamLike;
  /** How long the stream stays open after its last subscriber left (a page change keeps it). */
  idleCloseMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * One connection to `GET /api/v1/events` shared by everything on the page (layout alarms, the
 * page's live tables): browsers allow only a few connections per server, and every event would
 * otherwise cross the network once per component. Each event is handed to every subscriber; the
 * stream opens with the first subscriber and closes a moment after the last one left.
 */
export class EventHub {
  private readonly subscribers = new Set<StreamSubscriber>();
  private stream: StreamLike | null = null;
  private status: StreamStatus = 'closed';
  private closeTimer: unknown = null;
  private readonly createStream: (options: EventStreamOptions) => StreamLike;
  private readonly idleCloseMs: number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly fanOut: StreamHandlers;

  constructor(options: EventHubOptions = {}) {
    this.createStream = options.createStream ?? ((streamOptions) => new EventStream(streamOptions));
    this.idleCloseMs = options.idleCloseMs ?? 2000;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    const fanOut: StreamHandlers = {};
    for (const name of STREAM_EVENTS) {
      fanOut[name] = (data, id) => {
        for (const subscriber of [...this.subscribers]) {
          subscriber.handlers()[name]?.(data, id);
        }
      };
    }
    this.fanOut = fanOut;
  }

  /** Starts receiving; returns the function that stops it. The subscriber hears the current status at once. */
  subscribe(subscriber: StreamSubscriber): () => void {
    this.subscribers.add(subscriber);
    if (this.closeTimer !== null) {
      this.clearTimer(this.closeTimer);
      this.closeTimer = null;
    }
    subscriber.onStatus(this.status);
    if (this.stream === null) {
      this.stream = this.createStream({
        handlers: () => this.fanOut,
        onResync: () => [...this.subscribers].forEach((each) => each.onResync()),
        onStatus: (status) => {
          this.status = status;
          [...this.subscribers].forEach((each) => each.onStatus(status));
        },
      });
      this.stream.start();
    }
    return () => this.unsubscribe(subscriber);
  }

  get currentStatus(): StreamStatus {
    return this.status;
  }

  private unsubscribe(subscriber: StreamSubscriber): void {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0 || this.stream === null) {
      return;
    }
    if (this.closeTimer !== null) {
      this.clearTimer(this.closeTimer);
    }
    this.closeTimer = this.setTimer(() => {
      this.closeTimer = null;
      if (this.subscribers.size === 0 && this.stream !== null) {
        const stream = this.stream;
        this.stream = null;
        stream.stop();
        this.status = 'closed';
      }
    }, this.idleCloseMs);
  }
}
