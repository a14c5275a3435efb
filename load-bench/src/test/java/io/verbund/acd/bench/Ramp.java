package io.verbund.acd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The ramp's time plan and what each step measured. Step k adds agents up to N_k (and supervisors
 * up to ceil(N_k/100)), logging them in at {@code loginRate} per second, waits {@code settle}
 * seconds, then measures for {@code steady} seconds: only API calls made in that window count
 * (logins are reported apart: each costs the node a PBKDF2 hash). At the end of a window the row is
 * printed; a step with p99 over {@link #ABORT_P99_MS} or more than 1 % errors ends the run.
 */
final class Ramp {

    static final long ABORT_P99_MS = 3_000;
    static final String[] CALLS = {"PUT state", "GET queues", "GET agents/states"};

    final int[] agents;
    final int[] supervisors;
    final long[] rampStart;
    final long[] rampSeconds;
    final long[] steadyStart;
    final long[] steadyEnd;
    final long settle;
    final long steady;
    final int loginRate;
    private final long serverPid;
    private final Path out;
    private volatile long t0;
    private volatile boolean aborted;
    final Step[] steps;
    final AtomicInteger openAgents = new AtomicInteger();
    final AtomicInteger openSupervisors = new AtomicInteger();
    private final List<String> rows = new ArrayList<>();
    private ScheduledExecutorService timer;

    /** What one step measured. */
    static final class Step {
        final Histogram api = new ConcurrentHistogram(3);
        final Map<String, Histogram> byCall = new ConcurrentHashMap<>();
        final Histogram login = new ConcurrentHistogram(3);
        final Histogram eventLag = new ConcurrentHistogram(3);
        final LongAdder errors = new LongAdder();
        final LongAdder loginErrors = new LongAdder();
        final Map<String, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
        final Map<String, int[]> perAgent = new ConcurrentHashMap<>(); // extension -> {state changes made, own events received}
        final LongAdder supervisorEvents = new LongAdder();
        final LongAdder stateChanges = new LongAdder();
        int agentsOpen;
        int supervisorsOpen;
        long serverTicks0;
        long selfTicks0;
        long serverTicks1;
        long selfTicks1;
        long serverRssMaxKb;
        volatile boolean done;
        boolean finished;
    }

    Ramp(int[] agents, int loginRate, long settle, long steady, long serverPid, Path out) {
        this.agents = agents;
        this.loginRate = loginRate;
        this.settle = settle;
        this.steady = steady;
        this.serverPid = serverPid;
        this.out = out;
        int n = agents.length;
        supervisors = new int[n];
        rampStart = new long[n];
        rampSeconds = new long[n];
        steadyStart = new long[n];
        steadyEnd = new long[n];
        steps = new Step[n];
        long t = 0;
        for (int k = 0; k < n; k++) {
            supervisors[k] = (agents[k] + 99) / 100;
            int added = agents[k] - (k == 0 ? 0 : agents[k - 1]);
            rampStart[k] = t;
            rampSeconds[k] = Math.max(5, (added + loginRate - 1) / loginRate);
            steadyStart[k] = t + rampSeconds[k] + settle;
            steadyEnd[k] = steadyStart[k] + steady;
            t = steadyEnd[k];
            steps[k] = new Step();
        }
    }

    long totalSeconds() {
        return steadyEnd[agents.length - 1];
    }

    /** Starts the clock (the injection starts right after) and the per-step sampling. */
    void start() {
        t0 = System.currentTimeMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ramp-timer");
            thread.setDaemon(true);
            return thread;
        });
        for (int k = 0; k < agents.length; k++) {
            int step = k;
            timer.schedule(() -> beginSteady(step), steadyStart[k] * 1000, TimeUnit.MILLISECONDS);
            timer.schedule(() -> endSteady(step), steadyEnd[k] * 1000, TimeUnit.MILLISECONDS);
            for (long s = steadyStart[k] + 5; s < steadyEnd[k]; s += 5) {
                timer.schedule(() -> sampleRss(step), s * 1000, TimeUnit.MILLISECONDS);
            }
        }
    }

    boolean running() {
        return !aborted && System.currentTimeMillis() < t0 + totalSeconds() * 1000;
    }

    boolean aborted() {
        return aborted;
    }

    /** The step whose measuring window is open now, or -1. */
    int measuring() {
        long s = (System.currentTimeMillis() - t0) / 1000;
        for (int k = 0; k < agents.length; k++) {
            if (s >= steadyStart[k] && s < steadyEnd[k]) {
                return k;
            }
        }
        return -1;
    }

    /** The step this moment belongs to (ramp, settle or window), or the last. */
    int current() {
        long s = (System.currentTimeMillis() - t0) / 1000;
        for (int k = 0; k < agents.length; k++) {
            if (s < steadyEnd[k]) {
                return k;
            }
        }
        return agents.length - 1;
    }

    void api(String call, Integer status, Long millis) {
        int k = measuring();
        if (k < 0) {
            return;
        }
        Step step = steps[k];
        if (status == null || status != 200 || millis == null) {
            step.errors.increment();
            step.errorsByStatus.computeIfAbsent(call + " " + (status == null ? "no response" : status), c -> new LongAdder()).increment();
            return;
        }
        step.api.recordValue(millis);
        step.byCall.computeIfAbsent(call, c -> new ConcurrentHistogram(3)).recordValue(millis);
    }

    void login(Integer status, Long millis) {
        Step step = steps[current()];
        if (status == null || status != 200 || millis == null) {
            step.loginErrors.increment();
        } else {
            step.login.recordValue(millis);
        }
    }

    void stateChanged(int k, String extension) {
        steps[k].perAgent.computeIfAbsent(extension, e -> new int[2])[0]++;
        steps[k].stateChanges.increment();
    }

    void ownEvents(int k, String extension, int count, long lagMillis) {
        synchronized (steps[k].perAgent) {
            steps[k].perAgent.computeIfAbsent(extension, e -> new int[2])[1] += count;
        }
        if (lagMillis >= 0) {
            steps[k].eventLag.recordValue(lagMillis);
        }
    }

    void supervisorEvents(int count) {
        int k = measuring();
        if (k >= 0) {
            steps[k].supervisorEvents.add(count);
        }
    }

    private void beginSteady(int k) {
        Step step = steps[k];
        step.agentsOpen = openAgents.get();
        step.supervisorsOpen = openSupervisors.get();
        step.serverTicks0 = ticks(serverPid);
        step.selfTicks0 = ticks(ProcessHandle.current().pid());
        sampleRss(k);
        System.out.printf("[ramp] step N=%d: measuring %d s with %d agent and %d supervisor streams open%n",
                agents[k], steady, step.agentsOpen, step.supervisorsOpen);
    }

    private void sampleRss(int k) {
        steps[k].serverRssMaxKb = Math.max(steps[k].serverRssMaxKb, rssKb(serverPid));
    }

    private void endSteady(int k) {
        Step step = steps[k];
        step.serverTicks1 = ticks(serverPid);
        step.selfTicks1 = ticks(ProcessHandle.current().pid());
        sampleRss(k);
        step.done = true;
        // The row a few seconds later: agents look at their streams every second, so the events of the
        // window's last changes are counted by then.
        timer.schedule(() -> finish(k), 3, TimeUnit.SECONDS);
        long requests = step.api.getTotalCount() + step.errors.sum();
        if (step.api.getValueAtPercentile(99) > ABORT_P99_MS || step.errors.sum() * 100 > requests) {
            aborted = true;
            System.out.println("[ramp] step N=" + agents[k] + ": p99 over " + ABORT_P99_MS + " ms or more than 1 % errors: no further steps");
        }
    }

    /** Prints and keeps the row of a step whose window has ended (once). */
    void finish(int k) {
        Step step = steps[k];
        synchronized (step) {
            if (!step.done || step.finished) {
                return;
            }
            step.finished = true;
        }
        String row = row(k);
        synchronized (rows) {
            rows.add(row);
        }
        StringBuilder detail = new StringBuilder("[ramp] step N=" + agents[k] + " by call:");
        for (String call : CALLS) {
            Histogram h = step.byCall.get(call);
            if (h != null) {
                detail.append(String.format(" %s n=%d p50=%d p99=%d max=%d;", call, h.getTotalCount(),
                        h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue()));
            }
        }
        detail.append(" logins n=").append(step.login.getTotalCount()).append(" p50=").append(step.login.getValueAtPercentile(50))
                .append(" p99=").append(step.login.getValueAtPercentile(99)).append(" failed=").append(step.loginErrors.sum());
        if (!step.errorsByStatus.isEmpty()) {
            detail.append(" errors: ").append(step.errorsByStatus);
        }
        System.out.println(detail);
        System.out.println("[ramp] " + row);
        write();
    }

    static String header() {
        return "| N agents | supervisors | API requests | p50 ms | p95 ms | p99 ms | max ms | errors | own agent-state events per agent min / avg (changes avg) | PUT→event p99 ms | supervisor events / changes | WildFly CPU % core | WildFly RSS MB | load generator CPU % core | logins p50 / p99 ms |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    String row(int k) {
        Step s = steps[k];
        int min = Integer.MAX_VALUE;
        long received = 0;
        long changes = 0;
        int counted = 0;
        for (int[] agent : s.perAgent.values()) {
            if (agent[0] == 0) {
                continue;
            }
            counted++;
            min = Math.min(min, agent[1]);
            received += agent[1];
            changes += agent[0];
        }
        double seconds = steady;
        long requests = s.api.getTotalCount() + s.errors.sum();
        double expectedSupervisorEvents = (double) s.stateChanges.sum() * Math.max(1, s.supervisorsOpen);
        return String.format("| %d | %d | %d | %d | %d | %d | %d | %d | %s | %d | %s | %.0f | %d | %.0f | %d / %d |",
                agents[k], supervisors[k], requests, s.api.getValueAtPercentile(50), s.api.getValueAtPercentile(95),
                s.api.getValueAtPercentile(99), s.api.getMaxValue(), s.errors.sum(),
                counted == 0 ? "-" : String.format("%d / %.1f (%.1f)", min, (double) received / counted, (double) changes / counted),
                s.eventLag.getValueAtPercentile(99),
                s.supervisorsOpen == 0 ? "-" : String.format("%.0f %%", 100.0 * s.supervisorEvents.sum() / Math.max(1, expectedSupervisorEvents)),
                (s.serverTicks1 - s.serverTicks0) / seconds, s.serverRssMaxKb / 1024,
                (s.selfTicks1 - s.selfTicks0) / seconds,
                s.login.getValueAtPercentile(50), s.login.getValueAtPercentile(99));
    }

    /** The table of the steps measured so far. */
    String table() {
        synchronized (rows) {
            return header() + "\n" + String.join("\n", rows);
        }
    }

    void write() {
        if (out == null) {
            return;
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table() + "\n");
        } catch (IOException e) {
            System.out.println("[ramp] cannot write " + out + ": " + e);
        }
    }

    void stop() {
        for (int k = 0; k < steps.length; k++) {
            finish(k);
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** utime + stime of a process, in clock ticks (100 per second on Linux), or 0. */
    static long ticks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssKb(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static int[] parseSteps(String steps) {
        return Arrays.stream(steps.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
