package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFolderTest {

    @TempDir
    Path folder;

    private Path storage;
    private BackupFolder backup;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final BackupFolder.Progress progress = new BackupFolder.Progress(new PrintStream(printed, true), Clock.systemUTC());

    @BeforeEach
    void writeABackup() throws Exception {
        storage = folder.resolve("home/storage");
        Files.createDirectories(storage.resolve("demo/recordings/.meta"));
        Files.write(storage.resolve("demo/recordings/call-1.wav"), new byte[] {1, 2, 3});
        Files.writeString(storage.resolve("demo/recordings/.meta/call-1.wav.properties"), "complete=true\n");
        backup = BackupFolder.newTarget(folder.resolve("backup"), List.of(storage));
        backup.create();
        Files.createDirectories(backup.dump().getParent());
        Files.writeString(backup.dump(), "CREATE TABLE call_record (id BIGINT);\n");
        Map<String, String> sums = new java.util.TreeMap<>();
        sums.put(BackupFolder.DUMP, BackupFolder.sha256(backup.dump()));
        BackupFolder.copyTree(storage, backup.storage(), progress).forEach((name, sum) -> sums.put("storage/" + name, sum));
        backup.writeManifest(Map.of("source", "demo " + folder));
        backup.writeChecksums(sums);
    }

    @Test
    void anIntactBackupVerifiesWithEveryFileAndTheCopyIsByteForByte() throws Exception {
        Map<String, String> sums = backup.verify(progress);

        assertThat(sums).containsOnlyKeys(BackupFolder.DUMP, BackupFolder.MANIFEST, "storage/demo/recordings/call-1.wav",
                "storage/demo/recordings/.meta/call-1.wav.properties");
        assertThat(Files.readAllBytes(backup.storage().resolve("demo/recordings/call-1.wav"))).containsExactly(1, 2, 3);
        assertThat(Files.readString(backup.root().resolve(BackupFolder.CHECKSUMS)))
                .as("sha256sum's own format").contains("  storage/demo/recordings/call-1.wav\n");
        assertThat(printed.toString()).contains("storage: 2 of 2 files").contains("verifying: 4 of 4 files");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.root())))
                .as("recordings and password hashes: the owner's only").isEqualTo("rwx------");
    }

    @Test
    void coreutilsSha256sumChecksTheBackupAsTheOperatorsGuideSays() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SystemPrograms.find("sha256sum").isPresent(), "sha256sum is not installed");

        Process check = new ProcessBuilder("sha256sum", "-c", "--quiet", BackupFolder.CHECKSUMS).directory(backup.root().toFile())
                .redirectErrorStream(true).start();

        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
        Files.write(backup.storage().resolve("demo/recordings/call-1.wav"), new byte[] {9});
        assertThat(new ProcessBuilder("sha256sum", "-c", "--quiet", BackupFolder.CHECKSUMS).directory(backup.root().toFile())
                .redirectErrorStream(true).start().waitFor()).as("a changed file fails the same check").isNotZero();
    }

    @Test
    void aChangedByteIsRefusedNamingTheFile() throws Exception {
        Files.write(backup.storage().resolve("demo/recordings/call-1.wav"), new byte[] {1, 2, 4});

        assertThatThrownBy(() -> backup.verify(progress)).isInstanceOf(LaunchFailure.class)
                .hasMessageContaining("storage/demo/recordings/call-1.wav has SHA-256").hasMessageContaining("Nothing was changed");
    }

    @Test
    void aMissingFileAndAnUnlistedFileAreRefused() throws Exception {
        Files.delete(backup.dump());
        assertThatThrownBy(() -> backup.verify(progress)).hasMessageContaining("database/verbund.sql is missing");

        Files.writeString(backup.dump(), "CREATE TABLE call_record (id BIGINT);\n");
        Files.writeString(backup.storage().resolve("demo/recordings/smuggled.wav"), "x");
        assertThatThrownBy(() -> backup.verify(progress)).hasMessageContaining("storage/demo/recordings/smuggled.wav is in the backup folder but not in SHA256SUMS");
    }

    @Test
    void aChecksumLineLeadingOutOfTheBackupIsRefused() throws Exception {
        Path sums = backup.root().resolve(BackupFolder.CHECKSUMS);
        Files.writeString(sums, Files.readString(sums) + "0".repeat(64) + "  ../home/storage/demo/recordings/call-1.wav\n");

        assertThatThrownBy(() -> backup.verify(progress)).hasMessageContaining("not '<sha-256>  <path inside the backup>'");
    }

    @Test
    void aTargetInsideTheStorageOrHoldingItOrNotEmptyIsRefused() throws Exception {
        assertThatThrownBy(() -> BackupFolder.newTarget(storage.resolve("demo/backup"), List.of(storage)))
                .isInstanceOfSatisfying(LaunchFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("must not be inside");
        Path link = Files.createSymbolicLink(folder.resolve("link"), storage);
        assertThatThrownBy(() -> BackupFolder.newTarget(link.resolve("new"), List.of(storage))).hasMessageContaining("must not be inside");
        assertThatThrownBy(() -> BackupFolder.newTarget(folder.resolve("home"), List.of(storage))).hasMessageContaining("must not be inside");
        assertThatThrownBy(() -> BackupFolder.newTarget(backup.root(), List.of(storage))).hasMessageContaining("is not empty");
    }
}
