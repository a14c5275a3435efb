package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * "Distribute now": raised by whatever may let a waiting caller meet a free agent (a caller queued,
 * an offer ended, a call ended, an agent went ready or registered, a group changed) and awaited by
 * the one distribution thread ({@link CallDistribution}). Raising it while a pass runs makes the
 * thread go round once more, so a burst of events costs a few passes, not one each. Depends on
 * nothing, so every part of the call path can raise it without an import cycle.
 */
@ApplicationScoped
public class DistributionSignal {

    /** Holds one token while raised: raising again meanwhile changes nothing. */
    private final BlockingQueue<Boolean> raised = new ArrayBlockingQueue<>(1);

    public void raise() {
        raised.offer(Boolean.TRUE);
    }

    /**
     * Waits until the signal is raised or {@code atMost} passed, and lowers it.
     *
     * @return whether it was raised (false: the wait timed out)
     */
    boolean await(Duration atMost) throws InterruptedException {
        return raised.poll(atMost.toNanos(), TimeUnit.NANOSECONDS) != null;
    }
}
