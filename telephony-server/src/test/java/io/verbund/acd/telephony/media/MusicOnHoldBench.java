package io.verbund.acd.telephony.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media engine alone, without SIP or WildFly: N legs playing music on hold to one sink socket
 * that counts what arrives; prints the pacer's send-interval deviation (p50/p99/max), packets a
 * second and the media threads' CPU. A benchmark, not a test (speed is measured, never asserted):
 * {@code java -cp telephony-server/target/classes:telephony-server/target/test-classes:acd-core/target/classes
 * io.verbund.acd.telephony.media.MusicOnHoldBench [legs, default 1000] [seconds, default 20]}.
 * The whole path through SIP is deploy/bench/moh-callers.sh.
 */
public final class MusicOnHoldBench {

    private MusicOnHoldBench() {
    }

    public static void main(String[] args) throws Exception {
        int legs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int base = 20000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(2000);
        MediaEngine engine = new MediaEngine(MediaConfig.defaults(loopback).withPorts(base, base + 2 * legs + 999));
        AtomicLong arrived = new AtomicLong();
        try (DatagramSocket sink = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            sink.setReceiveBufferSize(8 << 20);
            Thread counter = new Thread(() -> {
                byte[] buffer = new byte[2048];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                while (!sink.isClosed()) {
                    try {
                        sink.receive(packet);
                        arrived.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "sink");
            counter.setDaemon(true);
            counter.start();
            engine.start();
            Tone music = new Tone(500);
            List<RtpLeg> open = new ArrayList<>();
            for (int i = 0; i < legs; i++) {
                RtpLeg leg = engine.openLeg("load-" + i);
                leg.answer(Phone.sdpFor(sink.getLocalPort(), "0"));
                leg.loop(music);
                open.add(leg);
            }
            Thread.sleep(2000);
            engine.resetSendJitter();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] before = mediaCpu(threads);
            long arrivedBefore = arrived.get();
            long lateBefore = engine.pacerLateTicks();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double wall = (System.nanoTime() - start) / 1e9;
            long[] after = mediaCpu(threads);
            SendJitter.Snapshot jitter = engine.sendJitter();
            double packetsPerSecond = (arrived.get() - arrivedBefore) / wall;
            System.out.printf("legs=%d  send-interval deviation p50=%.1f ms p99=%.1f ms max=%.1f ms over %d intervals;"
                            + " %.0f packets/s arrived (%.0f expected); pacer CPU %.1f %% of a core, receive thread %.1f %%;"
                            + " late pacer ticks %d%n",
                    legs, jitter.p50Millis(), jitter.p99Millis(), jitter.maxMillis(), jitter.intervals(), packetsPerSecond,
                    legs * 50.0, (after[0] - before[0]) / wall / 1e7, (after[1] - before[1]) / wall / 1e7,
                    engine.pacerLateTicks() - lateBefore);
            open.forEach(RtpLeg::close);
        } finally {
            engine.stop();
        }
    }

    /** CPU nanoseconds of the pacer and the receive thread. */
    private static long[] mediaCpu(ThreadMXBean threads) {
        long[] cpu = new long[2];
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("media-pacer")) {
                cpu[0] = threads.getThreadCpuTime(thread.getId());
            } else if (thread.getName().equals("media-receive")) {
                cpu[1] = threads.getThreadCpuTime(thread.getId());
            }
        }
        return cpu;
    }
}
