package io.verbund.acd.runtime.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in the order they were submitted, on a shared executor: order without
 * a thread of its own. A task that fails is logged and the next one runs.
 *
 * <p>Tasks run with the context class loader of the thread that created this executor
 * ({@link DeploymentExecutor}): with the submitter's, every agent and queue event of another
 * node's making was lost in a cluster.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public SerialExecutor(Executor delegate) {
        this.delegate = new DeploymentExecutor(delegate);
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /** Tasks waiting to run. */
    public int backlog() {
        return tasks.size();
    }

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            delegate.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a serial task failed", e);
                }
            }
        } finally {
            running.set(false);
            schedule();
        }
    }
}
