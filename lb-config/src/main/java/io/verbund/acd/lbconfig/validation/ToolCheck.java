package io.verbund.acd.lbconfig.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs an installed validator on a file and judges its exit code and output. The tool is looked up
 * on PATH and in /usr/sbin and /sbin (where haproxy, corosync and drbdadm live, often not on a user's
 * PATH); a missing tool gives SKIPPED with the Debian package to install, never a silent pass.
 *
 * @param executable     the tool's file name
 * @param aptPackage     the Debian package that installs it
 * @param arguments      the arguments for a file
 * @param forbiddenOutput output that means failure even with exit code 0 (testparm exits 0 on unknown
 *                       parameters); empty for none
 * @param environment    extra environment variables for the tool
 */
public record ToolCheck(String executable, String aptPackage, Function<Path, List<String>> arguments,
                        List<String> forbiddenOutput, Map<String, String> environment) implements FileCheck {

    private static final long TIMEOUT_SECONDS = 60;
    private static final List<Path> SYSTEM_DIRS = List.of(Path.of("/usr/local/sbin"), Path.of("/usr/sbin"), Path.of("/sbin"));

    public ToolCheck {
        forbiddenOutput = List.copyOf(forbiddenOutput);
        environment = Map.copyOf(environment);
    }

    public static ToolCheck of(String executable, String aptPackage, Function<Path, List<String>> arguments) {
        return new ToolCheck(executable, aptPackage, arguments, List.of(), Map.of());
    }

    public ToolCheck forbidding(String... outputs) {
        return new ToolCheck(executable, aptPackage, arguments, List.of(outputs), environment);
    }

    public ToolCheck withEnvironment(Map<String, String> variables) {
        return new ToolCheck(executable, aptPackage, arguments, forbiddenOutput, variables);
    }

    @Override
    public String describe(Path file) {
        StringBuilder command = new StringBuilder();
        environment.forEach((name, value) -> command.append(name).append('=').append(value).append(' '));
        command.append(executable);
        for (String argument : arguments.apply(file)) {
            command.append(' ').append(argument);
        }
        if (!forbiddenOutput.isEmpty()) {
            command.append("  (and no \"").append(String.join("\"/\"", forbiddenOutput)).append("\" in the output)");
        }
        return command.toString();
    }

    @Override
    public Verdict check(Path file) {
        Optional<Path> tool = locate(executable);
        if (tool.isEmpty()) {
            return Verdict.skipped(describe(file), aptPackage);
        }
        List<String> command = new ArrayList<>();
        command.add(tool.get().toString());
        command.addAll(arguments.apply(file));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream stream = process.getInputStream()) {
                output = stream.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Verdict.failed(describe(file), "no answer within " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            int exitCode = process.exitValue();
            if (exitCode != 0) {
                return Verdict.failed(describe(file), "exit code " + exitCode + (text.isEmpty() ? "" : "\n" + text));
            }
            for (String forbidden : forbiddenOutput) {
                if (text.contains(forbidden)) {
                    return Verdict.failed(describe(file), "output contains \"" + forbidden + "\"\n" + text);
                }
            }
            return Verdict.ok(describe(file), text);
        } catch (IOException e) {
            return Verdict.failed(describe(file), "cannot run " + tool.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.failed(describe(file), "interrupted");
        }
    }

    /**
     * The tool's path if it is installed: the system property {@code lbconfig.tool.<executable>} if it
     * names an executable file (for a tool outside the usual places), else PATH, /usr/sbin, /sbin.
     */
    public static Optional<Path> locate(String executable) {
        String override = System.getProperty("lbconfig.tool." + executable, "");
        if (!override.isBlank() && Files.isRegularFile(Path.of(override)) && Files.isExecutable(Path.of(override))) {
            return Optional.of(Path.of(override));
        }
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(":")) {
                if (!entry.isEmpty()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        directories.addAll(SYSTEM_DIRS);
        return directories.stream()
                .map(directory -> directory.resolve(executable))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }
}
