package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    private static final ZonedDateTime MEASURED = ZonedDateTime.of(2026, 12, 6, 17, 20, 0, 0, ZoneOffset.UTC);
    private static final BenchTable.Machine MACHINE = new BenchTable.Machine(2, "Intel(R) Xeon(R) CPU @ 2.80GHz", 23.4);

    @Test
    void callRatesAreSharesOfTheCeilingMeasuredInTheSameRun() {
        BenchTable table = new BenchTable(MEASURED, "ed8f8e4", MACHINE, "./verbund bench", false, List.of(
                BenchTable.StepResult.measured(BenchStep.CALL_PATH, "100, 200, 300 CAPS, 30 s each", List.of(100, 200, 300), 200),
                BenchTable.StepResult.measured(BenchStep.IVR, "20, 50 CAPS, 30 s each", List.of(20, 50), 20),
                BenchTable.StepResult.measured(BenchStep.MOH, "500, 1000, 1500 callers, 20 s each", List.of(500, 1000, 1500), 1000),
                BenchTable.StepResult.measured(BenchStep.CEILING, "500, 1500, 2000 CAPS, 30 s each", List.of(500, 1500, 2000), 1500)));

        String markdown = table.markdown();

        assertThat(markdown).startsWith("### `./verbund bench` on 2026-12-06 17:20 UTC\n")
                .contains("Build `ed8f8e4`; machine: 2 cores, Intel(R) Xeon(R) CPU @ 2.80GHz, 23.4 GiB RAM.")
                .contains("| call-path | " + BenchStep.CALL_PATH.measures() + " | 100, 200, 300 CAPS, 30 s each | 200 CAPS | 1500 CAPS | 13 % |")
                .contains("| ivr | " + BenchStep.IVR.measures() + " | 20, 50 CAPS, 30 s each | 20 CAPS | 1500 CAPS | 1.3 % |")
                .contains("| moh | " + BenchStep.MOH.measures() + " | 500, 1000, 1500 callers, 20 s each | 1000 callers | 1500 CAPS | — |")
                .contains("| ceiling | " + BenchStep.CEILING.measures() + " | 500, 1500, 2000 CAPS, 30 s each | — | 1500 CAPS | — |")
                .doesNotContain("quick run");
    }

    @Test
    void aFigureAtTheHighestValueTriedIsMarkedAsALowerBound() {
        BenchTable table = new BenchTable(MEASURED, "ed8f8e4 with uncommitted changes", MACHINE, "./verbund bench --quick", true, List.of(
                BenchTable.StepResult.measured(BenchStep.CALL_PATH, "50 CAPS, 5 s each", List.of(50), 50),
                BenchTable.StepResult.measured(BenchStep.PORTAL, "20 agents, 10 s each", List.of(20), 20),
                BenchTable.StepResult.measured(BenchStep.CEILING, "200 CAPS, 5 s each", List.of(200), 200)));

        assertThat(table.markdown()).contains("(quick run: seconds per step, a check that it works, not a measurement)")
                .contains("Build `ed8f8e4 with uncommitted changes`")
                .contains("| 50 CAPS, 5 s each | ≥ 50 CAPS | ≥ 200 CAPS | 25 % |")
                .contains("| 20 agents, 10 s each | ≥ 20 sessions | ≥ 200 CAPS | — |");
    }

    @Test
    void aFailedStepOrAMissingCeilingLeavesNoShare() {
        BenchTable table = new BenchTable(MEASURED, "ed8f8e4", MACHINE, "./verbund bench --steps call-path,ivr", false, List.of(
                BenchTable.StepResult.measured(BenchStep.CALL_PATH, "100 CAPS, 30 s each", List.of(100, 150), 0),
                BenchTable.StepResult.failed(BenchStep.IVR, "50 CAPS, 30 s each", List.of(50), "the step's script ended with 1")));

        assertThat(table.ceiling()).isEmpty();
        assertThat(table.markdown()).contains("| 100 CAPS, 30 s each | none clean | — | — (no ceiling in this run) |")
                .contains("| 50 CAPS, 30 s each | failed: the step's script ended with 1 | — | — |");
    }

    @Test
    void sharesHaveOneDecimalBelowTenPerCent() {
        assertThat(BenchTable.percent(200, 1500)).isEqualTo("13 %");
        assertThat(BenchTable.percent(20, 1500)).isEqualTo("1.3 %");
        assertThat(BenchTable.percent(150, 1500)).isEqualTo("10 %");
    }

    @Test
    void theMachineIsReadFromProc() {
        BenchTable.Machine machine = BenchTable.Machine.of(2,
                "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R)  CPU @ 2.80GHz\nprocessor\t: 1\n",
                "MemTotal:       24542164 kB\nMemFree:        19000000 kB\n");

        assertThat(machine.describe()).isEqualTo("2 cores, Intel(R) Xeon(R) CPU @ 2.80GHz, 23.4 GiB RAM");
        assertThat(BenchTable.Machine.of(1, "", "").describe()).isEqualTo("1 cores, CPU model unknown, 0.0 GiB RAM");
    }
}
