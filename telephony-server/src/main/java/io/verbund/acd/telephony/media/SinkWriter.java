package io.verbund.acd.telephony.media;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands a recording's bytes to its sink off the media thread, one task at a time and in order, on an
 * executor that may have many threads: a sink over HTTP may block for seconds, and the media thread
 * must not. The first failure aborts the sink and drops everything after it.
 *
 * <p>The methods that queue work may be called from any thread, but one at a time (the recording holds
 * its lock); the tasks run on the executor.
 */
final class SinkWriter {

    private final RecordingSink sink;
    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CompletableFuture<Long> completion = new CompletableFuture<>();
    private long nextOffset;
    private boolean closed;
    /** Touched only by the running task. */
    private volatile boolean failed;

    SinkWriter(RecordingSink sink, Executor executor) {
        this.sink = sink;
        this.executor = executor;
    }

    CompletionStage<Long> completion() {
        return completion;
    }

    boolean closed() {
        return closed;
    }

    void start(byte[] header) {
        nextOffset = header.length;
        submit(() -> sink.start(header));
    }

    /** Takes ownership of {@code data}. */
    void append(byte[] data) {
        if (data.length == 0) {
            return;
        }
        long offset = nextOffset;
        nextOffset += data.length;
        submit(() -> sink.append(offset, data, 0, data.length));
    }

    /** Appends the RIFF pad byte for an odd length, then finishes. */
    void finish(byte[] finalHeader, long dataLength) {
        if (dataLength % 2 == 1) {
            append(new byte[1]);
        }
        closed = true;
        submit(() -> {
            sink.finish(finalHeader, dataLength);
            completion.complete(dataLength);
        });
    }

    void abort(String reason) {
        closed = true;
        submit(() -> {
            failed = true;
            sink.abort();
            completion.completeExceptionally(new RecordingAborted(reason, null));
        });
    }

    private void submit(SinkStep step) {
        tasks.add(() -> {
            if (failed) {
                return;
            }
            try {
                step.run();
            } catch (Exception e) {
                failed = true;
                sink.abort();
                completion.completeExceptionally(new RecordingAborted("the recording's sink failed", e));
            }
        });
        drainLater();
    }

    private void drainLater() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                tasks.clear();
                completion.completeExceptionally(new RecordingAborted("the writer executor refused the recording", e));
            }
        }
    }

    private void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
        draining.set(false);
        if (!tasks.isEmpty()) {
            drainLater();
        }
    }

    @FunctionalInterface
    private interface SinkStep {
        void run() throws Exception;
    }
}
