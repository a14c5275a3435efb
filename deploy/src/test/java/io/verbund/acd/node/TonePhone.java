package io.verbund.acd.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The media side of a SIPp phone whose SDP names this socket: sends a steady PCMU tone of its own
 * frequency to wherever the node's RTP comes from (symmetric RTP, as phones do), and keeps the last
 * seconds of what arrives, so a test can tell whose tones a party hears (Goertzel) without trusting
 * any byte to survive a mix.
 */
final class TonePhone implements AutoCloseable {

    private static final int RATE = 8000;
    private static final int FRAME = 160;
    private static final int KEPT_FRAMES = 250;

    final int hertz;
    private final DatagramChannel channel;
    private final byte[] tone = new byte[RATE];
    private final ScheduledExecutorService sender;
    private final Thread receiver;
    private final Deque<short[]> heard = new ArrayDeque<>();
    private volatile InetSocketAddress node;
    private int sequence;
    private long timestamp;
    private int position;

    TonePhone(int hertz) throws IOException {
        this.hertz = hertz;
        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        for (int i = 0; i < RATE; i++) {
            tone[i] = ulaw((int) Math.round(6000 * Math.sin(2 * Math.PI * hertz * i / RATE)));
        }
        receiver = new Thread(this::receive, "tone-phone-" + hertz);
        receiver.setDaemon(true);
        receiver.start();
        sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tone-phone-send-" + hertz);
            thread.setDaemon(true);
            return thread;
        });
        sender.scheduleAtFixedRate(this::send, 20, 20, TimeUnit.MILLISECONDS);
    }

    int port() {
        return channel.socket().getLocalPort();
    }

    /** Forgets what arrived so far: the next window starts now. */
    void forget() {
        synchronized (heard) {
            heard.clear();
        }
    }

    int framesHeard() {
        synchronized (heard) {
            return heard.size();
        }
    }

    /**
     * How much of the last {@code frames} frames' energy is the other phone's tone: about 1 for that
     * tone alone, 0.5 each for two, under 0.01 for a tone that is not there.
     */
    double share(TonePhone other, int frames) {
        short[] samples = new short[frames * FRAME];
        synchronized (heard) {
            if (heard.size() < frames) {
                return 0;
            }
            int skip = heard.size() - frames;
            int i = 0;
            for (short[] frame : heard) {
                if (skip-- > 0) {
                    continue;
                }
                System.arraycopy(frame, 0, samples, i, FRAME);
                i += FRAME;
            }
        }
        return share(samples, other.hertz);
    }

    /**
     * How much of the last {@code frames} frames' energy is none of the {@code known} phones' tones:
     * near 0 while only they are heard, clearly above while something else plays (a prompt).
     */
    double otherThan(int frames, TonePhone... known) {
        double explained = 0;
        for (TonePhone phone : known) {
            explained += share(phone, frames);
        }
        return framesHeard() < frames ? 0 : 1 - explained;
    }

    /** How much of the samples' energy is the tone of {@code hertz} (Goertzel): about 1 for that tone alone. */
    static double share(short[] samples, int hertz) {
        double energy = 0;
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / RATE);
        double s1 = 0;
        double s2 = 0;
        for (short sample : samples) {
            energy += (double) sample * sample;
            double s = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        if (energy == 0) {
            return 0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return power / (energy * samples.length / 2);
    }

    private void send() {
        InetSocketAddress target = node;
        if (target == null) {
            return;
        }
        ByteBuffer packet = ByteBuffer.allocate(12 + FRAME);
        packet.put((byte) 0x80).put((byte) 0).putShort((short) sequence++).putInt((int) timestamp).putInt(0x70E00000 + hertz);
        for (int i = 0; i < FRAME; i++) {
            packet.put(tone[position]);
            position = (position + 1) % RATE;
        }
        timestamp += FRAME;
        try {
            channel.send(packet.flip(), target);
        } catch (IOException e) {
            sender.shutdown();
        }
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (channel.isOpen()) {
            try {
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer.clear());
                buffer.flip();
                if (buffer.remaining() < 12 || (buffer.get(1) & 0x7F) != 0) {
                    continue;
                }
                int offset = 12 + 4 * (buffer.get(0) & 0x0F);
                node = source;
                short[] frame = new short[FRAME];
                for (int i = 0; i < FRAME && offset + i < buffer.limit(); i++) {
                    frame[i] = linear(buffer.get(offset + i));
                }
                synchronized (heard) {
                    heard.addLast(frame);
                    if (heard.size() > KEPT_FRAMES) {
                        heard.removeFirst();
                    }
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        sender.shutdownNow();
        channel.close();
    }

    /** µ-law bytes (a recording's channel) as linear samples. */
    static short[] linear(byte[] codes) {
        short[] samples = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            samples[i] = linear(codes[i]);
        }
        return samples;
    }

    static byte ulaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short linear(byte code) {
        int u = ~code & 0xFF;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 0x07)) - 0x84;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }
}
