/**
 * The ring the agent hears while a call is offered: 425 Hz, one second on, four off (the European
 * ring cadence), made with Web Audio, so no sound file is fetched. A page the agent has not touched
 * yet may not play sound (the browser's autoplay rule); the desktop shows the ringing anyway.
 */
export class RingTone {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sink = '';

  start(): void {
    if (this.timer !== null || typeof AudioContext === 'undefined') {
      return;
    }
    this.context = new AudioContext();
    void this.applySink();
    const burst = () => this.burst();
    burst();
    this.timer = setInterval(burst, RING_PERIOD_MS);
  }

  stop(): void {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  async useSpeaker(deviceId: string): Promise<void> {
    this.sink = deviceId;
    await this.applySink();
  }

  private async applySink(): Promise<void> {
    const context = this.context as (AudioContext & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (context?.setSinkId) {
      await context.setSinkId(this.sink).catch(() => undefined);
    }
  }

  private burst(): void {
    const context = this.context;
    if (context === null) {
      return;
    }
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = RING_HZ;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(context.destination);
    tone.start();
    tone.stop(context.currentTime + RING_ON_MS / 1000);
  }
}

export const RING_HZ = 425;
export const RING_ON_MS = 1000;
export const RING_PERIOD_MS = 5000;
