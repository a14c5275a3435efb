package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU of one room's 20 ms mix tick, one thread: every seat's frame decoded into its jitter
 * queue (what the receive thread does per packet), then taken, summed per listener without its own
 * voice, clipped and encoded in the listener's law (what the pacer does per tick). Sending is left
 * out: it costs what any paced frame costs. Seats: 3 is a three-way conference or a supervised call,
 * 5 and 10 larger conferences (the mix is quadratic in seats). Run by
 * {@code telephony-server/bench/mixing.sh}; never by the build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MixTickBench {

    @Param({"3", "5", "10"})
    public int seats;

    private MediaEngine engine;
    private MixingRoom room;
    private MixingRoom.Seat[] seated;
    private final byte[] frame = new byte[AudioCodec.SAMPLES_PER_FRAME];

    @Setup(Level.Trial)
    public void setUp() {
        int base = 30000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(1000);
        engine = new MediaEngine(MediaConfig.defaults(InetAddress.getLoopbackAddress()).withPorts(base, base + 99));
        engine.start();
        // Not the engine's room: the pacer must not tick it beside the benchmark.
        room = new MixingRoom(engine, "bench", null);
        seated = new MixingRoom.Seat[seats];
        for (int i = 0; i < seats; i++) {
            seated[i] = room.join(engine.openLeg("bench-" + i));
        }
        room.everyoneHearsEveryone();
        for (int i = 0; i < frame.length; i++) {
            frame[i] = G711.linearToUlaw((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        room.close();
        engine.stop();
    }

    @Benchmark
    public byte mixTick() {
        for (MixingRoom.Seat seat : seated) {
            seat.received(frame, 0, frame.length, AudioCodec.PCMU);
        }
        room.pullAndMix(room.seats());
        return seated[0].heard()[17];
    }
}
