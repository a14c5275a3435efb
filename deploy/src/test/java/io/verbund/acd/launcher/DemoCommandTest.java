package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path home;

    @Test
    void aTrunkIsASipAddressOfAHost() {
        assertThat(DemoCommand.checkedTrunk("sip:127.0.0.1:5090")).isEqualTo("sip:127.0.0.1:5090");
        assertThat(DemoCommand.checkedTrunk("sips:carrier.example.net;transport=tcp")).isEqualTo("sips:carrier.example.net;transport=tcp");
        assertThat(DemoCommand.checkedTrunk("sip:[2001:db8::1]:5060")).isEqualTo("sip:[2001:db8::1]:5060");
        for (String wrong : new String[] {"127.0.0.1:5090", "http://127.0.0.1", "sip:", "sip:host:port", "sip:a b", "sip:host;transport=sctp"}) {
            assertThatThrownBy(() -> DemoCommand.checkedTrunk(wrong)).as(wrong).isInstanceOf(LaunchFailure.class)
                    .hasMessageContaining("--trunk " + wrong + " is no SIP address");
        }
    }

    @Test
    void aMalformedTrunkStopsTheDemoBeforeAnythingStarts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        int exit = Verbund.run(print, print, "demo", "--home", home.toString(), "--trunk", "carrier:5060");

        assertThat(exit).isEqualTo(ExitCode.USAGE.code());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--trunk carrier:5060 is no SIP address", "sip:127.0.0.1:5090")
                .doesNotContain("Starting MariaDB");
        assertThat(home).isEmptyDirectory();
    }
}
