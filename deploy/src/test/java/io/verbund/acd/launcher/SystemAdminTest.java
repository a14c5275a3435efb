package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemAdminTest {

    @TempDir
    Path home;

    @Test
    void generatedPasswordsAreLongRandomAndFreeOfLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = SystemAdmin.generatePassword();
            assertThat(password).hasSize(20).matches("[A-Za-z2-9]+").doesNotContain("0", "O", "1", "l", "I");
            seen.add(password);
        }
        assertThat(seen).as("no repeats").hasSize(200);
    }

    @Test
    void theClusterLoadsTheDemoOnlyWhenAskedTo() {
        DemoHome clusterHome = new DemoHome(home);

        assertThat(Cluster.memberProperties(clusterHome, false)).containsEntry("verbund.demo", "false");
        assertThat(Cluster.memberProperties(clusterHome, true)).containsEntry("verbund.demo", "true");
        assertThat(run("cluster", "--help")).contains("--demo", "generated password");
    }

    @Test
    void resetPasswordNeedsARunningInstallation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        int exit = Verbund.run(print, print, "admin", "reset-password", "--home", home.toString());

        assertThat(exit).isEqualTo(ExitCode.NOT_RUNNING.code());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No running Verbund ACD", "start it first");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Verbund.run(print, print, args);
        return out.toString(StandardCharsets.UTF_8);
    }
}
