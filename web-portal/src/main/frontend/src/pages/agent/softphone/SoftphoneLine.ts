import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { SoftphoneSettings } from '../../../api/agents';
import { RingTone } from './RingTone';
import { mediaProblemOf, type MediaProblem } from './mediaProblem';

export type LineStatus = 'connecting' | 'registered' | 'unregistered' | 'failed';
export type CallStatus = 'idle' | 'ringing' | 'answering' | 'talking';

/** How the call's audio fares, from the peer connection's statistics, once a second. */
export interface AudioFigures {
  packetsReceived: number;
  packetsLost: number;
  packetsSent: number;
  jitterMs: number;
  /** 0..1, the level of what the agent hears. */
  level: number;
}

export interface SoftphoneView {
  line: LineStatus;
  /** The SIP status or reason of the last registration failure. */
  lineProblem: string | null;
  call: CallStatus;
  /** Who calls, as the ACD presents it (the caller's number). */
  caller: string | null;
  muted: boolean;
  mediaProblem: MediaProblem | null;
  /** Why the last call ended here rather than by either side hanging up. */
  callProblem: CallProblem | null;
  figures: AudioFigures | null;
}

/** The WebSocket to the softphone edge closed while a call rang or went on: the call was ended here. */
export type CallProblem = 'connectionLost';

export const IDLE_VIEW: SoftphoneView = {
  line: 'connecting',
  lineProblem: null,
  call: 'idle',
  caller: null,
  muted: false,
  mediaProblem: null,
  callProblem: null,
  figures: null,
};

/** How a line behaves beyond its account. */
export interface LineOptions {
  /**
   * Takes every call at once, without ringing: the supervisor's phone, which the node only ever
   * calls because the supervisor just asked to listen, whisper or barge in.
   */
  answerAtOnce?: boolean;
  /** What the line calls itself in its SIP User-Agent header. */
  userAgent?: string;
}

/**
 * A browser phone, the agent's or the supervisor's: registers as its phone over SIP on WebSocket
 * (JsSIP) with the account's HA1, rings (or answers at once), answers with the chosen microphone,
 * plays the other side on the chosen speaker, mutes, hangs up. Calls only come in: the ACD places
 * the agent's outbound calls itself, ringing this phone first. Media is WebRTC to the softphone
 * edge's rtpengine.
 */
export class SoftphoneLine {
  private readonly ua: JsSIP.UA;
  private readonly ring = new RingTone();
  private readonly listeners = new Set<(view: SoftphoneView) => void>();
  private view: SoftphoneView = IDLE_VIEW;
  private session: RTCSession | null = null;
  private localStream: MediaStream | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private microphone: string | null = null;

  constructor(
    settings: SoftphoneSettings,
    webSocket: string,
    private readonly remoteAudio: HTMLAudioElement,
    private readonly options: LineOptions = {},
  ) {
    const socket = new JsSIP.WebSocketInterface(webSocket);
    this.ua = new JsSIP.UA({
      sockets: [socket],
      uri: settings.sipUri ?? '',
      authorization_user: settings.authorizationUser ?? undefined,
      realm: settings.realm ?? undefined,
      ha1: settings.ha1 ?? undefined,
      display_name: settings.displayName ?? undefined,
      register: true,
      register_expires: 300,
      session_timers: false,
      user_agent: options.userAgent ?? 'Verbund ACD agent desktop',
    });
    this.ua.on('connecting', () => this.update({ line: 'connecting' }));
    this.ua.on('registered', () => this.update({ line: 'registered', lineProblem: null }));
    this.ua.on('unregistered', () => this.update({ line: 'unregistered' }));
    // JsSIP reconnects by itself (backing off up to 30 s) and registers again once connected.
    this.ua.on('disconnected', () => this.connectionLost());
    this.ua.on('registrationFailed', (event) => this.update({ line: 'failed', lineProblem: String(event.cause ?? 'failed') }));
    this.ua.on('newRTCSession', (event: { originator: string; session: RTCSession }) => {
      if (event.originator === 'remote') {
        this.incoming(event.session);
      }
    });
  }

  start(): void {
    this.ua.start();
  }

  /** Unregisters and closes the socket; a call still going ends. */
  stop(): void {
    this.hangUp();
    this.ring.stop();
    this.ua.stop();
    this.listeners.clear();
  }

  subscribe(listener: (view: SoftphoneView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  useMicrophone(deviceId: string | null): void {
    this.microphone = deviceId;
  }

  /** Where the other side and the ring tone play; the browser's default when null. */
  async useSpeaker(deviceId: string | null): Promise<void> {
    const sink = deviceId ?? '';
    const audio = this.remoteAudio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (audio.setSinkId) {
      await audio.setSinkId(sink);
    }
    await this.ring.useSpeaker(sink);
  }

  async answer(): Promise<void> {
    const session = this.session;
    if (session === null || this.view.call !== 'ringing') {
      return;
    }
    this.update({ call: 'answering', mediaProblem: null });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: this.microphone === null ? true : { deviceId: { exact: this.microphone } },
        video: false,
      });
    } catch (failure) {
      // The call keeps ringing: the agent may allow the microphone and answer still.
      this.update({ call: 'ringing', mediaProblem: mediaProblemOf(failure) });
      return;
    }
    if (this.session !== session || session.isEnded()) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    this.localStream = stream;
    this.ring.stop();
    session.answer({ mediaStream: stream, pcConfig: { iceServers: [] } });
  }

  hangUp(): void {
    const session = this.session;
    if (session !== null && !session.isEnded()) {
      session.terminate();
    }
  }

  setMuted(muted: boolean): void {
    const session = this.session;
    if (session === null || this.view.call !== 'talking') {
      return;
    }
    if (muted) {
      session.mute({ audio: true });
    } else {
      session.unmute({ audio: true });
    }
    this.update({ muted });
  }

  /**
   * The socket to the edge closed. JsSIP keeps a call that was already up as if nothing happened,
   * but no BYE could leave or arrive on it any more: the agent could not hang up, and would hear a
   * call the ACD may already have ended. So the call ends here at once, and the agent is told why;
   * the node ends its side when the audio stops (its RTP inactivity timeout).
   */
  private connectionLost(): void {
    const session = this.session;
    if (session !== null) {
      if (!session.isEnded()) {
        try {
          session.terminate();
        } catch {
          // Nothing to say it on: ending it here is all that can be done.
        }
      }
      this.ended(session);
      this.update({ callProblem: 'connectionLost' });
    }
    this.update({ line: 'failed', lineProblem: 'disconnected' });
  }

  private incoming(session: RTCSession): void {
    if (this.session !== null) {
      // One call at a time: the ACD offers the next only when this one is over.
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    this.session = session;
    this.update({ call: 'ringing', caller: session.remote_identity?.uri?.user ?? null, muted: false, figures: null, callProblem: null });
    if (this.options.answerAtOnce) {
      void this.answer();
    } else {
      this.ring.start();
    }
    session.on('peerconnection', (event) => {
      event.peerconnection.addEventListener('track', (track: RTCTrackEvent) => {
        this.remoteAudio.srcObject = track.streams[0] ?? new MediaStream([track.track]);
        void this.remoteAudio.play().catch(() => undefined);
      });
    });
    session.on('confirmed', () => {
      this.update({ call: 'talking' });
      this.statsTimer = setInterval(() => void this.readFigures(session), 1000);
    });
    const ended = () => this.ended(session);
    session.on('ended', ended);
    session.on('failed', ended);
  }

  private ended(session: RTCSession): void {
    if (this.session !== session) {
      return;
    }
    this.session = null;
    this.ring.stop();
    if (this.statsTimer !== null) {
      clearInterval(this.statsTimer);
      this.statsTimer = null;
    }
    this.localStream?.getTracks().forEach((track) => track.stop());
    this.localStream = null;
    this.remoteAudio.srcObject = null;
    this.update({ call: 'idle', caller: null, muted: false });
  }

  private async readFigures(session: RTCSession): Promise<void> {
    const connection = session.connection;
    if (!connection) {
      return;
    }
    const report = await connection.getStats();
    const figures: AudioFigures = { packetsReceived: 0, packetsLost: 0, packetsSent: 0, jitterMs: 0, level: 0 };
    report.forEach((entry: Record<string, unknown>) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
        figures.packetsReceived = Number(entry.packetsReceived ?? 0);
        figures.packetsLost = Number(entry.packetsLost ?? 0);
        figures.jitterMs = Math.round(Number(entry.jitter ?? 0) * 1000);
        figures.level = Number(entry.audioLevel ?? 0);
      } else if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
        figures.packetsSent = Number(entry.packetsSent ?? 0);
      }
    });
    if (this.session === session) {
      this.update({ figures });
    }
  }

  private update(change: Partial<SoftphoneView>): void {
    this.view = { ...this.view, ...change };
    this.listeners.forEach((listener) => listener(this.view));
  }
}
