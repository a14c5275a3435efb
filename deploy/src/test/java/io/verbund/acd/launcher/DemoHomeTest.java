package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHomeTest {

    @TempDir
    Path folder;

    @Test
    void refusesASecondLockAndSaysWhoRuns() {
        DemoHome first = new DemoHome(folder);
        first.lock();
        new ProcessRecord(4242, OptionalLong.empty(), OptionalLong.empty(), 3316, 0,
                "http://127.0.0.1:8080/", Instant.parse("2026-11-25T10:00:00Z")).write(first.processRecordFile());
        try {
            DemoHome second = new DemoHome(folder);

            assertThat(second.isLocked()).isTrue();
            assertThatThrownBy(second::lock)
                    .isInstanceOfSatisfying(LaunchFailure.class,
                            failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.ALREADY_RUNNING))
                    .hasMessageContaining("already running")
                    .hasMessageContaining("pid 4242")
                    .hasMessageContaining("./verbund stop");
        } finally {
            first.unlock();
        }
        assertThat(new DemoHome(folder).isLocked()).isFalse();
    }

    @Test
    void keepsTheDatabasePasswordPrivateAndStable() throws Exception {
        DemoHome home = new DemoHome(folder);

        String password = home.databasePassword();

        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(home.databasePassword()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("secrets/db.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theServiceSecretIsGeneratedPerHomePrivateAndStable() throws Exception {
        DemoHome home = new DemoHome(folder.resolve("one"));
        DemoHome other = new DemoHome(folder.resolve("two"));

        String secret = home.serviceSecret();

        assertThat(secret).hasSizeGreaterThanOrEqualTo(43).isEqualTo(home.serviceSecret()).isNotEqualTo(other.serviceSecret());
        Path file = folder.resolve("one/secrets/service-secret");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(home.serviceSecret()).isEqualTo(secret);
        assertThat(Files.getPosixFilePermissions(file)).as("narrowed back").isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Files.writeString(file, "");
        assertThat(home.serviceSecret()).as("an empty file is replaced, never used").hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(secret);
    }

    @Test
    void wipeRemovesDatabaseServerStateAndSecrets() throws Exception {
        DemoHome home = new DemoHome(folder);
        Files.createDirectories(home.databaseData().resolve("mysql"));
        Files.createDirectories(home.wildflyBase().resolve("log"));
        String before = home.databasePassword();

        home.wipe();

        assertThat(home.databaseData()).doesNotExist();
        assertThat(home.wildflyBase()).doesNotExist();
        assertThat(home.databasePassword()).isNotEqualTo(before);
    }

    @Test
    void recordsWhatRunsForAnotherShell() {
        DemoHome home = new DemoHome(folder);
        ProcessRecord record = new ProcessRecord(1, OptionalLong.of(2), OptionalLong.of(3), 3316, 100,
                "http://127.0.0.1:8180/", Instant.parse("2026-11-25T10:00:00Z"));

        record.write(home.processRecordFile());

        assertThat(ProcessRecord.read(home.processRecordFile())).contains(record);
    }
}
