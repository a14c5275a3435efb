package io.verbund.acd.telephony.media.srtp;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU SRTP adds to one 20 ms G.711 packet (12 + 160 bytes), one thread: {@code protect} is what
 * the pacer or the relay adds to a packet sent, {@code protectThenUnprotect} a packet received and
 * sent on (an SRTP caller bridged to an SRTP phone pays both). {@code copy} is the floor: writing
 * the same packet without SRTP. Run by {@code telephony-server/bench/srtp.sh}; never by the build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SrtpBench {

    @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32"})
    public String suite;

    private final byte[] packet = new byte[12 + 160 + SrtpSuite.MAX_TAG_LENGTH];
    private final byte[] frame = new byte[160];
    private SrtpSession sender;
    private SrtpSession receiver;
    private int sequence;

    @Setup
    public void setUp() {
        SrtpMasterKey ours = SrtpMasterKey.random();
        SrtpMasterKey theirs = SrtpMasterKey.random();
        sender = new SrtpSession(SrtpSuite.valueOf(suite), ours, theirs);
        receiver = new SrtpSession(SrtpSuite.valueOf(suite), theirs, ours);
        java.util.Arrays.fill(frame, (byte) 0x55);
    }

    private void write() {
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        sequence = (sequence + 1) & 0xFFFF;
        System.arraycopy(frame, 0, packet, 12, 160);
    }

    @Benchmark
    public int copy() {
        write();
        return packet[12];
    }

    @Benchmark
    public int protect() {
        write();
        return sender.protectRtp(packet, 172);
    }

    @Benchmark
    public int protectThenUnprotect() {
        write();
        return receiver.unprotectRtp(packet, sender.protectRtp(packet, 172));
    }
}
