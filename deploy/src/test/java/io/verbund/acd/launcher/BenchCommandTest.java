package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void helpListsEveryStep() {
        int exit = Verbund.run(print, print, "bench", "--help");

        assertThat(exit).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("--steps", "call-path, ivr, moh, portal, ceiling", "--quick", "--out",
                "--rates", "--ivr-rates", "--moh-callers", "--portal-agents", "--ceiling-rates", "--duration");
    }

    @Test
    void anUnknownStepIsAUsageErrorNamingTheOption() {
        int exit = Verbund.run(print, print, "bench", "--steps", "call-path,asterisk");

        assertThat(exit).isEqualTo(ExitCode.USAGE.code());
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("--steps", "'asterisk' is no step", "call-path,ivr,moh,portal,ceiling")
                .doesNotContain("== [");
    }

    @Test
    void aRateBelowOneIsAUsageErrorNamingTheOption() {
        int exit = Verbund.run(print, print, "bench", "--steps", "ivr", "--ivr-rates", "50,0");

        assertThat(exit).isEqualTo(ExitCode.USAGE.code());
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("--ivr-rates 50,0: every value must be at least 1").doesNotContain("== [");
    }
}
