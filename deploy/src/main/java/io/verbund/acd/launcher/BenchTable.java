package io.verbund.acd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./verbund bench} prints and {@code docs/benchmarks.md} records: one row per step with
 * our figure, the Kamailio ceiling measured in the same run and the figure's share of it, under the
 * date, the build and the machine, in markdown.
 */
record BenchTable(ZonedDateTime measuredAt, String commit, Machine machine, String command, boolean quick, List<StepResult> results) {

    /** The box the figures belong to. */
    record Machine(int cores, String cpu, double memoryGiB) {

        private static final Pattern MEM_TOTAL = Pattern.compile("^MemTotal:\\s+(\\d+) kB", Pattern.MULTILINE);
        private static final Pattern MODEL = Pattern.compile("^model name\\s*:\\s*(.+)$", Pattern.MULTILINE);

        static Machine ofThisBox() {
            return of(Runtime.getRuntime().availableProcessors(), read("/proc/cpuinfo"), read("/proc/meminfo"));
        }

        /** From the texts of /proc/cpuinfo and /proc/meminfo; what they lack reads as unknown. */
        static Machine of(int cores, String cpuinfo, String meminfo) {
            Matcher model = MODEL.matcher(cpuinfo);
            Matcher memory = MEM_TOTAL.matcher(meminfo);
            return new Machine(cores, model.find() ? model.group(1).strip().replaceAll("\\s+", " ") : "CPU model unknown",
                    memory.find() ? Long.parseLong(memory.group(1)) / 1024.0 / 1024.0 : 0);
        }

        private static String read(String file) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                return "";
            }
        }

        String describe() {
            return String.format(Locale.ROOT, "%d cores, %s, %.1f GiB RAM", cores, cpu, memoryGiB);
        }
    }

    /**
     * One step's outcome: the values it tried (rates, callers, sessions), its clean figure, or why
     * it has none.
     */
    record StepResult(BenchStep step, String settings, List<Integer> tried, OptionalInt figure, Optional<String> problem) {

        static StepResult measured(BenchStep step, String settings, List<Integer> tried, int figure) {
            return new StepResult(step, settings, tried, OptionalInt.of(figure), Optional.empty());
        }

        static StepResult failed(BenchStep step, String settings, List<Integer> tried, String problem) {
            return new StepResult(step, settings, tried, OptionalInt.empty(), Optional.of(problem));
        }

        /** The clean figure is the highest value tried: the step found no limit, only a lower bound. */
        boolean atTheTop() {
            return figure.isPresent() && figure.getAsInt() > 0 && tried.stream().allMatch(value -> value <= figure.getAsInt());
        }

        String figureText() {
            if (figure.isEmpty()) {
                return "failed: " + problem.orElse("no figure");
            }
            if (figure.getAsInt() == 0) {
                return "none clean";
            }
            return (atTheTop() ? "≥ " : "") + figure.getAsInt() + " " + step.unit().label();
        }
    }

    /** The ceiling's result, when the run measured one above zero. */
    Optional<StepResult> ceiling() {
        return results.stream().filter(result -> result.step() == BenchStep.CEILING)
                .filter(result -> result.figure().isPresent() && result.figure().getAsInt() > 0).findFirst();
    }

    String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("### `").append(command).append("` on ")
                .append(measuredAt.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)))
                .append(quick ? " (quick run: seconds per step, a check that it works, not a measurement)" : "").append("\n\n");
        table.append("Build `").append(commit).append("`; machine: ").append(machine.describe())
                .append(". Node, MariaDB, SIPp, Kamailio and the load generator share these cores.\n\n");
        table.append("| step | what it measures | tried | Verbund ACD | Kamailio ceiling | share of the ceiling |\n");
        table.append("|---|---|---|---|---|---|\n");
        Optional<StepResult> ceiling = ceiling();
        for (StepResult result : results) {
            boolean isCeiling = result.step() == BenchStep.CEILING;
            table.append("| ").append(result.step().stepName())
                    .append(" | ").append(result.step().measures())
                    .append(" | ").append(result.settings())
                    .append(" | ").append(isCeiling ? "—" : result.figureText())
                    .append(" | ").append(isCeiling ? result.figureText() : ceiling.map(StepResult::figureText).orElse("—"))
                    .append(" | ").append(share(result, ceiling)).append(" |\n");
        }
        table.append("\nA figure marked ≥ is the highest value its step tried, all clean: a lower bound. A share is then a bound too:\n"
                + "at least that much when our figure has the ≥, at most when the ceiling has it.\n");
        return table.toString();
    }

    private static String share(StepResult result, Optional<StepResult> ceiling) {
        if (!result.step().comparesWithCeiling()) {
            return "—";
        }
        if (result.figure().isEmpty()) {
            return "—";
        }
        if (ceiling.isEmpty()) {
            return "— (no ceiling in this run)";
        }
        return percent(result.figure().getAsInt(), ceiling.get().figure().getAsInt());
    }

    /** A share in per cent: one decimal below 10 %, whole numbers above. */
    static String percent(int figure, int ceiling) {
        double share = 100.0 * figure / ceiling;
        return String.format(Locale.ROOT, share < 10 ? "%.1f %%" : "%.0f %%", share);
    }
}
