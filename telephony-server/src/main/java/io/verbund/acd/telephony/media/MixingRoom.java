package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import java.util.Arrays;
import java.util.Objects;

/**
 * Any number of legs whose audio is mixed on this node: a conference, or a supervisor listening,
 * whispering or barging in. Each {@link Seat} has who it hears (the hearing matrix, one bit per
 * seat), so one mechanism gives every mode: all hear all (conference, barge); the supervisor hears
 * caller and agent while nobody hears it (listen); the agent hears the supervisor, the caller does
 * not (whisper).
 * <p>
 * The receive thread decodes each seat's packets, in sequence order, into the seat's short jitter
 * queue ({@link #QUEUE_FRAMES} frames, played at most {@link #PLAYOUT_FRAMES} behind). Every pacer
 * tick takes one 20 ms frame per seat (silence where none came), and for each listener sums in
 * linear the frames of the seats it hears, never its own, clips to 16 bits, encodes in the
 * listener's law and sends it on the listener's stream. Nothing is allocated per packet or per tick.
 * <p>
 * The optional tap (a {@link StereoRecording}) keeps the call's two channels: what the caller said,
 * and what the caller heard. It is called on the pacer thread; the room does not close it, since its
 * owner hands it on (back to a two-party {@link Bridge}) or closes it.
 * <p>
 * Membership changes ({@link #join}, {@link #leave}, {@link #hears}) may come from any thread and
 * take effect from the next tick; a leg in a room is in no {@link Bridge} and plays nothing.
 */
public final class MixingRoom {

    /** Frames a seat's jitter queue holds; packets beyond it are dropped (the pacer stalled). */
    static final int QUEUE_FRAMES = 8;
    /** A seat is played at most this many frames behind what it sent: older frames are skipped. */
    static final int PLAYOUT_FRAMES = 3;
    static final int MAX_SEATS = 16;
    private static final int FRAME = AudioCodec.SAMPLES_PER_FRAME;
    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / AudioCodec.SAMPLE_RATE;

    private final MediaEngine engine;
    private final String label;
    private final BridgeTap tap;
    /** Copy on write: the pacer reads it every tick, joins and leaves are rare. */
    private volatile Seat[] seats = new Seat[0];
    private volatile Seat recorded;
    private volatile boolean closed;

    // The pacer thread's.
    private final int[] sum = new int[FRAME];
    private final byte[] tapSaid = new byte[FRAME];
    private boolean tapStarted;
    private long tapTimestamp;

    /** One leg in the room: its jitter queue, whom it hears, and the frame it is sent. */
    public static final class Seat {

        private final RtpLeg leg;
        private final int bit;
        private volatile long hears;
        /** Played into what this seat hears until it ends (a notice); null for none. */
        private volatile Playable announcement;
        private Playable announcing;
        private int announcedFrame;

        // Written by the receive thread, read by the pacer: single producer, single consumer.
        private final short[][] queue = new short[QUEUE_FRAMES][FRAME];
        private volatile long written;
        private volatile long taken;
        private volatile long overflows;
        private volatile long underruns;

        // The pacer's.
        private final short[] said = new short[FRAME];
        private boolean speaking;
        private final byte[] heard = new byte[FRAME];

        Seat(RtpLeg leg, int slot) {
            this.leg = leg;
            this.bit = 1 << slot;
        }

        public RtpLeg leg() {
            return leg;
        }

        /** Frames dropped because the queue was full, and ticks this seat had no frame for. */
        public long overflows() {
            return overflows;
        }

        public long underruns() {
            return underruns;
        }

        /** What the seat's peer is sent this tick, in its law. Pacer thread only. */
        byte[] heard() {
            return heard;
        }

        boolean hearsSeat(Seat speaker) {
            return speaker != this && (hears & speaker.bit) != 0;
        }

        /** A payload from the leg's peer, in sequence order, decoded into the queue. Receive thread only. */
        void received(byte[] payload, int offset, int length, AudioCodec codec) {
            long next = written;
            if (next - taken >= QUEUE_FRAMES) {
                overflows++;
                return;
            }
            short[] frame = queue[(int) (next % QUEUE_FRAMES)];
            int samples = Math.min(length, FRAME);
            for (int i = 0; i < samples; i++) {
                frame[i] = G711.decode(payload[offset + i], codec);
            }
            Arrays.fill(frame, samples, FRAME, (short) 0);
            written = next + 1;
        }

        /** The next frame this seat said, or silence. Pacer thread only. */
        void pull() {
            long available = written - taken;
            if (available <= 0) {
                speaking = false;
                underruns++;
                return;
            }
            long next = taken;
            if (available > PLAYOUT_FRAMES) {
                next = written - PLAYOUT_FRAMES;
            }
            System.arraycopy(queue[(int) (next % QUEUE_FRAMES)], 0, said, 0, FRAME);
            speaking = true;
            taken = next + 1;
        }
    }

    MixingRoom(MediaEngine engine, String label, BridgeTap tap) {
        this.engine = engine;
        this.label = label;
        this.tap = tap;
    }

    public String label() {
        return label;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Seats the leg; it hears nobody and nobody hears it until {@link #hears} says so. The leg stops
     * playing; it must be in no bridge and no other room.
     */
    public Seat join(RtpLeg leg) {
        Objects.requireNonNull(leg);
        synchronized (RtpLeg.class) {
            if (closed) {
                throw new IllegalStateException(label + " is closed");
            }
            if (leg.isClosed() || leg.currentBridge() != null || leg.seat() != null) {
                throw new IllegalStateException(leg.label() + " cannot join " + label + ": closed, bridged or in a room");
            }
            Seat[] current = seats;
            if (current.length == MAX_SEATS) {
                throw new IllegalStateException(label + " is full");
            }
            long used = 0;
            for (Seat seat : current) {
                used |= seat.bit;
            }
            int slot = Long.numberOfTrailingZeros(~used);
            Seat seat = new Seat(leg, slot);
            Seat[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = seat;
            leg.enterRoom(this, seat);
            seats = next;
            return seat;
        }
    }

    /** Seats the leg, hearing {@code speakers}. */
    public Seat join(RtpLeg leg, Seat... speakers) {
        Seat seat = join(leg);
        hears(seat, speakers);
        return seat;
    }

    /** From the next tick, {@code listener} hears exactly {@code speakers} (itself never). */
    public void hears(Seat listener, Seat... speakers) {
        long mask = 0;
        for (Seat speaker : speakers) {
            mask |= speaker.bit;
        }
        listener.hears = mask & ~listener.bit;
    }

    /** Everyone in the room hears everyone else (a conference; a supervisor barging in). */
    public void everyoneHearsEveryone() {
        Seat[] current = seats;
        for (Seat seat : current) {
            hears(seat, current);
        }
    }

    /** Plays the audio once into what {@code listener} hears, over the others' voices (a notice). */
    public void announce(Seat listener, Playable audio) {
        listener.announcement = Objects.requireNonNull(audio);
    }

    /** The seat whose voice and hearing the tap records as the caller's two channels; null for none. */
    public void recordAs(Seat caller) {
        this.recorded = caller;
    }

    /** The leg's seat, if it sits here. */
    public Seat seatOf(RtpLeg leg) {
        for (Seat seat : seats) {
            if (seat.leg == leg) {
                return seat;
            }
        }
        return null;
    }

    public int size() {
        return seats.length;
    }

    /** The leg leaves the room and goes back to idle (silence); a leg's close leaves by itself. */
    public void leave(RtpLeg leg) {
        synchronized (RtpLeg.class) {
            Seat[] current = seats;
            for (int i = 0; i < current.length; i++) {
                if (current[i].leg == leg) {
                    Seat gone = current[i];
                    Seat[] next = new Seat[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    seats = next;
                    for (Seat seat : next) {
                        seat.hears &= ~gone.bit;
                    }
                    if (recorded == gone) {
                        recorded = null;
                    }
                    leg.leaveRoom(this);
                    return;
                }
            }
        }
    }

    /** Every leg leaves; the pacer forgets the room. The tap stays open for the room's owner. Idempotent. */
    public void close() {
        synchronized (RtpLeg.class) {
            if (closed) {
                return;
            }
            closed = true;
            for (Seat seat : seats) {
                seat.leg.leaveRoom(this);
            }
            seats = new Seat[0];
        }
    }

    /** The tap, for the owner to hand on after {@link #close}. */
    public BridgeTap tap() {
        return tap;
    }

    /** One 20 ms frame for every seat. Pacer thread only. */
    void tick(SendJitter jitter) {
        Seat[] current = seats;
        if (closed || current.length == 0) {
            return;
        }
        pullAndMix(current);
        for (Seat seat : current) {
            if (!seat.leg.isClosed()) {
                seat.leg.paceMixed(seat.heard, jitter);
            }
        }
        Seat caller = recorded;
        if (tap != null && caller != null) {
            AudioCodec law = caller.leg.law();
            G711.encode(caller.said, 0, tapSaid, 0, FRAME, law);
            if (!caller.speaking) {
                Arrays.fill(tapSaid, law.silence());
            }
            long now = System.nanoTime();
            if (!tapStarted) {
                // Started on the receive clock: the recording re-anchors once where the bridge's stream ended;
                // then a frame a tick, like the pacer's own schedule, so the mix is recorded without gaps or overlaps.
                tapStarted = true;
                tapTimestamp = now / NANOS_PER_SAMPLE;
            }
            tap.fromCaller(tapSaid, 0, FRAME, tapTimestamp, now);
            tap.fromAgent(caller.heard, 0, FRAME, tapTimestamp, now);
            tapTimestamp += FRAME;
        }
    }

    /** Takes each seat's next frame and mixes what each one hears; sends nothing. The mix tick's work, for tests and the benchmark. */
    void pullAndMix(Seat[] current) {
        for (Seat seat : current) {
            seat.pull();
        }
        mix(current);
    }

    /** Each seat's {@code heard}: the sum of the seats it hears, clipped, in its own law. */
    private void mix(Seat[] current) {
        for (Seat listener : current) {
            Arrays.fill(sum, 0);
            for (Seat speaker : current) {
                if (speaker.speaking && listener.hearsSeat(speaker)) {
                    short[] said = speaker.said;
                    for (int i = 0; i < FRAME; i++) {
                        sum[i] += said[i];
                    }
                }
            }
            announce(listener);
            AudioCodec law = listener.leg.law();
            byte[] out = listener.heard;
            for (int i = 0; i < FRAME; i++) {
                int sample = sum[i];
                short clipped = (short) (sample > Short.MAX_VALUE ? Short.MAX_VALUE : sample < Short.MIN_VALUE ? Short.MIN_VALUE : sample);
                out[i] = law == AudioCodec.PCMU ? G711.linearToUlaw(clipped) : G711.linearToAlaw(clipped);
            }
        }
    }

    /** Adds the seat's announcement, frame by frame, to {@code sum}; forgets it after its last frame. */
    private void announce(Seat listener) {
        Playable audio = listener.announcement;
        if (audio != listener.announcing) {
            listener.announcing = audio;
            listener.announcedFrame = 0;
        }
        if (audio == null) {
            return;
        }
        if (listener.announcedFrame >= audio.frameCount()) {
            listener.announcement = null;
            listener.announcing = null;
            return;
        }
        byte[] frame = audio.frame(listener.announcedFrame++, AudioCodec.PCMU);
        for (int i = 0; i < FRAME && i < frame.length; i++) {
            sum[i] += G711.ulawToLinear(frame[i]);
        }
    }

    Seat[] seats() {
        return seats;
    }

    MediaEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return label + " (" + seats.length + " legs)";
    }
}
