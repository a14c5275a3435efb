package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * "Distribute now": raised by whatever may let a waiting caller meet a free agent (a caller queued,
 * an offer ended, a call ended, an agent went ready or registered, a group changed) and awaited by
 * the one distribution thread ({@link CallDistribution}). Raising it while a pass runs makes the
 * thread go round once more, so a burst of events costs a few passes, not one each. Depends on
 * nothing, so every part of the call path can raise it without an import cycle.
 */
@ApplicationScoped
public class DistributionSignal {

    private final Object lock = new Object();
    private boolean raised;

    public void raise() {
        synchronized (lock) {
            if (!raised) {
                raised = true;
                lock.notifyAll();
            }
        }
    }

    /**
     * Waits until the signal is raised or {@code atMost} passed, and lowers it.
     *
     * @return whether it was raised (false: the wait timed out)
     */
    boolean await(Duration atMost) throws InterruptedException {
        synchronized (lock) {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!raised) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            raised = false;
            return true;
        }
    }
}
