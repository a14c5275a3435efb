package io.verbund.acd.telephony.media;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one clock that sends every leg's next 20 ms frame: a dedicated thread at maximum priority
 * parks until the next deadline and ticks all legs. Deadlines advance by exactly 20 ms from the
 * start, on {@link System#nanoTime}, so late wake-ups never accumulate into drift; a tick that is
 * late is followed at once by the next one until the schedule is met again (frames go late rather
 * than missing). Only after a stall of more than {@value #MAX_CATCH_UP_FRAMES} frames (a long GC,
 * a suspended VM) does it skip the missed ticks and restart the schedule from now, as bursting a
 * second of audio would help no one. The tick allocates nothing.
 */
final class Pacer implements Runnable {

    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    static final int MAX_CATCH_UP_FRAMES = 10;
    private static final Logger LOG = Logger.getLogger(Pacer.class.getName());

    private final SendJitter jitter;
    private final ConcurrentLinkedQueue<RtpLeg> joining = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<MixingRoom> opening = new ConcurrentLinkedQueue<>();
    private MixingRoom[] rooms = new MixingRoom[8];
    private int roomCount;
    private RtpLeg[] legs = new RtpLeg[64];
    private int legCount;
    private volatile boolean running = true;
    private volatile long ticks;
    private volatile long lateTicks;
    private volatile long skippedTicks;

    Pacer(SendJitter jitter) {
        this.jitter = jitter;
    }

    /** The leg is ticked from the next tick on; it leaves by itself once closed. */
    void add(RtpLeg leg) {
        joining.add(leg);
    }

    /** The room is mixed from the next tick on; it leaves by itself once closed. */
    void add(MixingRoom room) {
        opening.add(room);
    }

    void stop() {
        running = false;
    }

    long ticks() {
        return ticks;
    }

    /** Ticks that ran more than a period behind their deadline. */
    long lateTicks() {
        return lateTicks;
    }

    /** Ticks given up after a stall. */
    long skippedTicks() {
        return skippedTicks;
    }

    @Override
    public void run() {
        long deadline = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            long wait = deadline - now;
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            if (-wait > MAX_CATCH_UP_FRAMES * PERIOD_NANOS) {
                long missed = -wait / PERIOD_NANOS;
                skippedTicks += missed;
                deadline += missed * PERIOD_NANOS;
                LOG.warning(() -> "media pacer stalled " + TimeUnit.NANOSECONDS.toMillis(-wait) + " ms: skipped " + missed + " frames");
            } else if (-wait > PERIOD_NANOS) {
                lateTicks++;
            }
            tick();
            ticks++;
            deadline += PERIOD_NANOS;
        }
    }

    private void tick() {
        RtpLeg joined;
        while ((joined = joining.poll()) != null) {
            if (legCount == legs.length) {
                legs = java.util.Arrays.copyOf(legs, legs.length * 2);
            }
            legs[legCount++] = joined;
        }
        for (int i = 0; i < legCount; i++) {
            RtpLeg leg = legs[i];
            if (leg.isClosed()) {
                legs[i] = legs[--legCount];
                legs[legCount] = null;
                i--;
                continue;
            }
            try {
                leg.paceTick(jitter);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, leg.label() + ": the pacer could not send a frame", e);
            }
        }
        MixingRoom opened;
        while ((opened = opening.poll()) != null) {
            if (roomCount == rooms.length) {
                rooms = Arrays.copyOf(rooms, rooms.length * 2);
            }
            rooms[roomCount++] = opened;
        }
        for (int i = 0; i < roomCount; i++) {
            MixingRoom room = rooms[i];
            if (room.isClosed()) {
                rooms[i] = rooms[--roomCount];
                rooms[roomCount] = null;
                i--;
                continue;
            }
            try {
                room.tick(jitter);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, room.label() + ": the pacer could not mix a frame", e);
            }
        }
    }
}
