package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ManagedProcessTest {

    @Test
    void aProgramsWorkersThatOutliveItAreEndedWithIt() throws Exception {
        // A parent that leaves its worker running when it ends, and a worker that ignores SIGTERM, as Kamailio's did.
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'trap \"\" TERM; while :; do sleep 1; done' & wait").start();
        try {
            Awaitility.await("the worker started").atMost(Duration.ofSeconds(10)).until(() -> parent.toHandle().children().count() == 1);
            List<ProcessHandle> workers = parent.toHandle().children().toList();

            ManagedProcess.terminateTree(parent.toHandle(), Duration.ofSeconds(5));

            assertThat(parent.isAlive()).isFalse();
            Awaitility.await("the worker is gone").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(workers).noneMatch(ProcessHandle::isAlive));
        } finally {
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }
}
