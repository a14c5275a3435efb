package io.verbund.acd.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code verbund bench}: the benchmarks of {@code deploy/bench/} in one run on this machine, one
 * {@code bench.sh STEP} after the other, and the table {@code docs/benchmarks.md} records. The
 * measuring stays in the scripts (each also runs alone); this command picks the steps and their
 * settings, shows their progress and builds the table from their figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the benchmarks on this machine and prints one table: each step's clean figure, the Kamailio "
                + "ceiling measured in the same run, and the figure's share of it. Every step but the ceiling starts its own node "
                + "(port offset 700) and stops it; nothing else should run on the box meanwhile.",
                "A full run takes about an hour; --quick runs seconds per step, to check that it works."})
final class BenchCommand implements Callable<Integer> {

    private static final Pattern FIGURE = Pattern.compile("^figure: (\\d+)$");

    @Option(names = "--steps", split = ",", paramLabel = "STEP", converter = BenchStep.Converter.class,
            completionCandidates = BenchStep.Names.class,
            description = "Steps to run, comma-separated (default: all): ${COMPLETION-CANDIDATES}.")
    List<BenchStep> steps;

    @Option(names = "--quick", description = "A short smoke run: one low rate per step, a few seconds each. Its figures are no measurement.")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table (markdown) to FILE.")
    Path out;

    @Option(names = "--rates", split = ",", paramLabel = "CAPS", description = "call-path: the call rates tried (default 100,150,200,250,300; quick 50).")
    List<Integer> rates;

    @Option(names = "--ivr-rates", split = ",", paramLabel = "CAPS", description = "ivr: the call rates tried (default 50,100,150,200,300; quick 20).")
    List<Integer> ivrRates;

    @Option(names = "--moh-callers", split = ",", paramLabel = "N", description = "moh: the numbers of callers tried (default 500,1000,1500,2000; quick 50).")
    List<Integer> mohCallers;

    @Option(names = "--portal-agents", split = ",", paramLabel = "N", description = "portal: the numbers of agent sessions tried (default 100,250,500,1000; quick 20).")
    List<Integer> portalAgents;

    @Option(names = "--ceiling-rates", split = ",", paramLabel = "CAPS", description = "ceiling: the call rates tried (default 500,1000,1500,2000; quick 200).")
    List<Integer> ceilingRates;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Seconds measured per rate or number of callers (default 30, moh 20; quick 5).")
    Integer duration;

    @ParentCommand
    Verbund verbund;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        requirePositive("--rates", rates);
        requirePositive("--ivr-rates", ivrRates);
        requirePositive("--moh-callers", mohCallers);
        requirePositive("--portal-agents", portalAgents);
        requirePositive("--ceiling-rates", ceilingRates);
        if (duration != null && duration < 1) {
            throw new LaunchFailure(ExitCode.USAGE, "--duration " + duration + ": at least 1 second");
        }
        PrintStream print = verbund.out();
        Path repository = Verbund.Locations.repository();
        Path script = repository.resolve("deploy/bench/bench.sh");
        if (!Files.isExecutable(script)) {
            throw new LaunchFailure(ExitCode.NOT_BUILT, "No " + script + ": ./verbund bench runs from a checkout of Verbund ACD.");
        }
        Installation.at(repository.resolve("deploy/target/verbund-node"));
        EnumSet<BenchStep> chosen = steps == null || steps.isEmpty() ? EnumSet.allOf(BenchStep.class) : EnumSet.copyOf(steps);
        ZonedDateTime begun = ZonedDateTime.now(ZoneOffset.UTC);
        // Read before the steps: the checkout may change while they run, the build measured does not.
        String commit = commit(repository);
        List<BenchTable.StepResult> results = new java.util.ArrayList<>();
        int number = 0;
        for (BenchStep step : chosen) {
            number++;
            List<Integer> tried = tried(step);
            Map<String, String> settings = settings(step, tried);
            String described = describe(step, tried);
            print.printf("== [%d/%d] %s: %s (deploy/bench/bench.sh %s with %s)%n", number, chosen.size(), step.stepName(), described,
                    step.stepName(), settings.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(" ")));
            Instant started = Instant.now();
            BenchTable.StepResult result = run(script, repository, step, settings, tried, described, print);
            print.printf("== %s: %s (%d s)%n", step.stepName(), result.figureText(), Duration.between(started, Instant.now()).toSeconds());
            results.add(result);
        }
        BenchTable table = new BenchTable(begun, commit, BenchTable.Machine.ofThisBox(),
                "./verbund " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                quick, results);
        String markdown = table.markdown();
        print.println();
        print.print(markdown);
        if (out != null) {
            Files.writeString(out, markdown);
            print.println("\nThe table is also in " + out.toAbsolutePath());
        }
        return results.stream().allMatch(result -> result.figure().isPresent()) ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private static void requirePositive(String option, List<Integer> values) {
        if (values != null && values.stream().anyMatch(value -> value < 1)) {
            throw new LaunchFailure(ExitCode.USAGE, option + " " + values.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ": every value must be at least 1");
        }
    }

    /** The values the step tries, rising: given, or the full or quick defaults. */
    private List<Integer> tried(BenchStep step) {
        List<Integer> chosen = switch (step) {
            case CALL_PATH -> or(rates, List.of(100, 150, 200, 250, 300), List.of(50));
            case IVR -> or(ivrRates, List.of(50, 100, 150, 200, 300), List.of(20));
            case MOH -> or(mohCallers, List.of(500, 1000, 1500, 2000), List.of(50));
            case PORTAL -> or(portalAgents, List.of(100, 250, 500, 1000), List.of(20));
            case CEILING -> or(ceilingRates, List.of(500, 1000, 1500, 2000), List.of(200));
        };
        return chosen.stream().sorted().distinct().toList();
    }

    private List<Integer> or(List<Integer> given, List<Integer> full, List<Integer> smoke) {
        return given != null && !given.isEmpty() ? given : quick ? smoke : full;
    }

    /** The environment bench.sh hands to the step's script (see its header). */
    private Map<String, String> settings(BenchStep step, List<Integer> tried) {
        String spaced = tried.stream().map(String::valueOf).collect(Collectors.joining(" "));
        String seconds = String.valueOf(secondsPerValue(step));
        Map<String, String> environment = new LinkedHashMap<>();
        switch (step) {
            case CALL_PATH -> {
                environment.put("RATES", spaced);
                environment.put("DURATION", seconds);
                environment.put("WARMUP", quick ? "3" : "15");
                environment.put("AGENTS", quick ? "100" : "1000");
            }
            case IVR -> {
                environment.put("RATES", spaced);
                environment.put("DURATION", seconds);
                environment.put("WARMUP", quick ? "0" : "15");
            }
            case MOH -> {
                environment.put("CALLERS", spaced);
                environment.put("DURATION", seconds);
            }
            case PORTAL -> {
                environment.put("STEPS", tried.stream().map(String::valueOf).collect(Collectors.joining(",")));
                environment.put("SETTLE", quick ? "5" : "10");
                environment.put("STEADY", quick ? "10" : "60");
                environment.put("LOGIN_RATE", quick ? "10" : "4");
            }
            case CEILING -> {
                environment.put("CEILING_RATES", spaced);
                environment.put("DURATION", seconds);
            }
        }
        return environment;
    }

    private String describe(BenchStep step, List<Integer> tried) {
        String values = tried.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return switch (step) {
            case CALL_PATH, IVR, CEILING -> values + " CAPS, " + secondsPerValue(step) + " s each";
            case MOH -> values + " callers, " + secondsPerValue(step) + " s each";
            case PORTAL -> values + " agents, " + (quick ? 10 : 60) + " s each";
        };
    }

    private int secondsPerValue(BenchStep step) {
        return duration != null ? duration : quick ? 5 : step == BenchStep.MOH ? 20 : 30;
    }

    /** Runs {@code bench.sh STEP}, showing its output indented; its last "figure: N" line is the result. */
    private static BenchTable.StepResult run(Path script, Path repository, BenchStep step, Map<String, String> settings,
                                             List<Integer> tried, String described, PrintStream print) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), step.stepName()).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().putAll(settings);
        builder.environment().put("VERBUND_SKIP_BUILD", "1");
        Process process = builder.start();
        // Ctrl-C ends the step's scripts too; their traps stop the node and SIPp they started.
        Thread stop = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }, "verbund-bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        Integer figure = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher matcher = FIGURE.matcher(line);
                if (matcher.matches()) {
                    figure = Integer.valueOf(matcher.group(1));
                } else {
                    print.println("   " + line);
                }
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new LaunchFailure(ExitCode.FAILED, "interrupted while the " + step.stepName() + " step ran", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs already.
            }
        }
        if (exit != 0 || figure == null) {
            return BenchTable.StepResult.failed(step, described, tried, exit != 0 ? "the step's script ended with " + exit : "it printed no figure");
        }
        return BenchTable.StepResult.measured(step, described, tried, figure);
    }

    /** The build measured: the checkout's commit, marked when the work tree differs from it. */
    private static String commit(Path repository) {
        try {
            String head = git(repository, "rev-parse", "--short", "HEAD");
            String changes = git(repository, "status", "--porcelain", "--untracked-files=no");
            return head.isEmpty() ? "unknown" : head + (changes.isEmpty() ? "" : " with uncommitted changes");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String git(Path repository, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            return git.waitFor() == 0 ? output : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
