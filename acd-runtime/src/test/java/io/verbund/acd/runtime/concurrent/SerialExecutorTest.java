package io.verbund.acd.runtime.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void runsTasksOneAtATimeInSubmissionOrderOnAPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            List<Integer> order = new CopyOnWriteArrayList<>();
            AtomicInteger concurrent = new AtomicInteger();
            AtomicInteger maxConcurrent = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(500);
            for (int i = 0; i < 500; i++) {
                int n = i;
                serial.execute(() -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    order.add(n);
                    concurrent.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(order).hasSize(500).isSorted();
            assertThat(maxConcurrent.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheNext() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            CountDownLatch after = new CountDownLatch(1);
            serial.execute(() -> {
                throw new IllegalStateException("boom");
            });
            serial.execute(after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksRunWithTheCreatorsContextClassLoaderWhoeverSubmitsThem() throws Exception {
        ClassLoader deployment = new ClassLoader(getClass().getClassLoader()) {
        };
        ClassLoader clustering = new ClassLoader(getClass().getClassLoader()) {
        };
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(deployment);
        SerialExecutor serial;
        try {
            serial = new SerialExecutor(Runnable::run);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        List<ClassLoader> seen = new CopyOnWriteArrayList<>();
        Thread submitter = new Thread(() -> serial.execute(() -> seen.add(Thread.currentThread().getContextClassLoader())));
        submitter.setContextClassLoader(clustering);
        submitter.start();
        submitter.join(5000);
        assertThat(seen).containsExactly(deployment);
        // The thread lent to the task gets its own loader back.
        List<ClassLoader> after = new CopyOnWriteArrayList<>();
        Thread second = new Thread(() -> {
            serial.execute(() -> { });
            after.add(Thread.currentThread().getContextClassLoader());
        });
        second.setContextClassLoader(clustering);
        second.start();
        second.join(5000);
        assertThat(after).containsExactly(clustering);
    }
}
