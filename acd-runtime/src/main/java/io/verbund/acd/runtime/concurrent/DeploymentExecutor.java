package io.verbund.acd.runtime.concurrent;

import java.util.concurrent.Executor;

/**
 * Runs tasks on a shared executor with the context class loader of the thread that created this
 * executor (a deployment's, at its start), not that of the thread submitting them. A managed
 * executor takes the submitter's: for a change another node made, that is a JGroups thread, whose
 * loader is WildFly's clustering module. CDI then finds no deployment ({@code Event.fireAsync}), and
 * a cache write from the task is marshalled without the deployment's encoding, which the other
 * nodes cannot read (a held call's replicated dialog failed that way on the node that was to take it
 * over).
 */
public final class DeploymentExecutor implements Executor {

    private final Executor delegate;
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();

    public DeploymentExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        delegate.execute(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader submitters = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                task.run();
            } finally {
                thread.setContextClassLoader(submitters);
            }
        });
    }
}
