package io.verbund.acd.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a process the polite way first (SIGTERM), and for sure after a grace period (SIGKILL). */
final class ManagedProcess {

    /** How long a process left behind by its parent gets to end on SIGTERM: Kamailio's workers ignore it. */
    private static final Duration LEFT_BEHIND_GRACE = Duration.ofSeconds(2);

    private ManagedProcess() {
    }

    /**
     * A recorded process, if it is alive and its command line still shows {@code mark}: a process id
     * from an old record may belong to an unrelated program by now.
     */
    static Optional<ProcessHandle> ours(long pid, String mark) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(line -> line.contains(mark)).orElse(false));
    }

    /** @return true when the process had to be killed */
    static boolean terminate(long pid, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        return terminate(handle.get(), grace);
    }

    static boolean terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        if (awaitExit(process, grace)) {
            return false;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        return true;
    }

    /**
     * As {@link #terminate(ProcessHandle, Duration)}, then the descendants it had, should any outlive
     * it: Kamailio's main process, killed after its grace, left its workers running with the
     * softphone edge's ports, and the next node on those ports could not start. Once their parent is
     * gone they are found by the list taken before, not by asking the process.
     */
    static boolean terminateTree(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean killed = terminate(process, grace);
        for (ProcessHandle left : descendants) {
            if (left.isAlive()) {
                terminate(left, LEFT_BEHIND_GRACE);
            }
        }
        return killed;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
