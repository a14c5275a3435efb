package io.verbund.acd.telephony.media;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One leg's callbacks, run one after another in the order they happened on a shared executor (a
 * managed executor runs tasks in parallel; digits "1" then "2" must not arrive as "21"). Keeps user
 * code off the two media threads.
 */
final class SerialEvents implements Executor {

    private static final Logger LOG = Logger.getLogger(SerialEvents.class.getName());

    private final Executor executor;
    private final String label;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialEvents(Executor executor, String label) {
        this.executor = executor;
        this.label = label;
    }

    @Override
    public void execute(Runnable event) {
        queue.add(event);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                queue.clear();
                LOG.warning(() -> label + ": media events dropped, the executor refused them: " + e);
            }
        }
    }

    private void drain() {
        Runnable event;
        while ((event = queue.poll()) != null) {
            try {
                event.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, label + ": a media event listener failed", e);
            }
        }
        scheduled.set(false);
        if (!queue.isEmpty()) {
            schedule();
        }
    }
}
