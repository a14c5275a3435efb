package io.verbund.acd.runtime.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends a second into a journal on the build's disk, as the call path makes them: a call event
 * of ~300 bytes encoded, from 4 threads at once, with the group commit forcing the file every
 * 100 ms beside them. {@link #drain} reads batches back into a sink that stores nothing: the
 * journal's own share of the drain, without the database. Run with {@code bench/journal.sh}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalBench {

    private static final byte[] CALL_EVENT = JournaledStatement.of("EVENT", 7L, "bench-1-4711@127.0.0.1", 3, "CallOffered",
            Instant.now(), 12L, 4L, null, "node-a",
            "{\"agent\":\"b0001\",\"why\":\"longest idle\",\"idleSeconds\":12.5,\"group\":\"Bench\",\"priority\":0,\"caller\":\"+49301234567\","
                    + "\"serviceNumber\":\"+4930999000\",\"detail\":\"ready since 09:00:00, skills de:5 en:3, no wrap-up\"}").encode();

    private Path folder;
    private Journal journal;
    private ScheduledExecutorService groupCommit;

    @Setup(Level.Trial)
    public void open() throws IOException {
        folder = Files.createTempDirectory(Path.of("target"), "journal-bench");
        journal = Journal.open(folder, Journal.Limits.DEFAULT, Clock.systemUTC());
        groupCommit = Executors.newSingleThreadScheduledExecutor();
        groupCommit.scheduleWithFixedDelay(() -> {
            try {
                journal.sync();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        groupCommit.shutdownNow();
        journal.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    @Threads(4)
    public void append() throws IOException {
        journal.append(CALL_EVENT);
    }

    /** Entries a second: appends one batch's worth, then drains it. */
    @Benchmark
    @Threads(1)
    @org.openjdk.jmh.annotations.OperationsPerInvocation(5000)
    public int drain() throws Exception {
        for (int i = 0; i < 5000; i++) {
            journal.append(CALL_EVENT);
        }
        return journal.drain(batch -> { });
    }
}
