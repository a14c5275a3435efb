package io.verbund.acd.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp (Debian package sip-tester) with the scenarios committed in
 * deploy/src/test/sipp, bounded in calls and time, on loopback only.
 */
final class Sipp {

    /** A finished SIPp run: its exit code (0: every call succeeded) and the command that ran. */
    record Result(int exit, String command) {
    }

    /** Every SIPp this test JVM started, so a failed test cannot leave one holding its port. */
    private static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final int serverPort;
    private final Path workDir;

    Sipp(int serverPort, Path workDir) {
        this.serverPort = serverPort;
        this.workDir = workDir;
    }

    /** A scenario template from deploy/src/test/sipp with its {@code @NAME@} placeholders filled in, written into {@code folder}. */
    static Path template(String name, Map<String, String> values, Path folder) throws IOException {
        String text = Files.readString(scenario(name));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return Files.writeString(folder.resolve(name), text);
    }

    static Path scenario(String name) {
        return TestNodes.repository().resolve("deploy/src/test/sipp").resolve(name);
    }

    /** Starts SIPp in the background; {@code extra} are further SIPp options. */
    Process start(String scenario, int localPort, List<String> extra) throws IOException {
        return start(scenario(scenario), localPort, extra);
    }

    /** Starts SIPp with a scenario file of the test's own (a filled-in template). */
    Process start(Path scenario, int localPort, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + serverPort, "-sf", scenario.toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-nostdin", "-trace_err"));
        if (!extra.contains("-mp")) {
            // SIPp's own default binds its media sockets at 6000 and 6002 (then upwards while taken): the
            // SIP ports of other tests' phones. A phone started a moment after a caller then could not
            // bind its 6002 ("Unable to bind main socket, errno = 98"). 12000-15999 is no test's SIP port.
            command.addAll(List.of("-mp", Integer.toString(12000 + 4 * (localPort % 1000))));
        }
        command.addAll(extra);
        Path log = workDir.resolve(scenario.getFileName() + "-" + localPort + "-" + System.nanoTime() + ".out");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        STARTED.add(process);
        return process;
    }

    /** Ends every SIPp still running (after a failed test) and waits until their ports are free. */
    static void stopAll() throws InterruptedException {
        for (Process process : STARTED) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        STARTED.clear();
    }

    Result run(String scenario, int localPort, List<String> extra) throws IOException, InterruptedException {
        return run(scenario(scenario), localPort, extra);
    }

    Result run(Path scenario, int localPort, List<String> extra) throws IOException, InterruptedException {
        Process process = start(scenario, localPort, extra);
        return await(process, 90);
    }

    static Result await(Process process, int seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("SIPp did not finish within " + seconds + " s");
        }
        return new Result(process.exitValue(), process.info().commandLine().orElse("sipp"));
    }

    /** Registers a demo agent's phone (digest user = extension) from {@code port}; fails the test if refused. */
    void registerAgent(int extension, String password, int port) throws IOException, InterruptedException {
        Result registered = run("agent-register.xml", port, List.of("-s", Integer.toString(extension),
                "-au", Integer.toString(extension), "-ap", password, "-m", "1", "-timeout", "20s"));
        if (registered.exit() != 0) {
            throw new AssertionError("REGISTER of " + extension + " failed: " + errorLogs());
        }
    }

    /** The error logs SIPp wrote (-trace_err), for failure messages. */
    String errorLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(workDir)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith("_errors.log")).toList()) {
                all.append(file.getFileName()).append(":\n").append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
