package io.verbund.acd.lbconfig.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.lbconfig.ClusterFiles;
import io.verbund.acd.lbconfig.LocalTopology;
import io.verbund.acd.lbconfig.validation.ValidationPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path parent;

    private Path existingOutput() throws Exception {
        Path out = parent.resolve("out");
        Files.createDirectories(out.resolve("haproxy"));
        Files.writeString(out.resolve("haproxy/haproxy.cfg"), "the previous configuration\n");
        return out;
    }

    private List<String> siblings() throws Exception {
        try (Stream<Path> list = Files.list(parent)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static GenerationSettings settings(Path out) {
        return new GenerationSettings(out, Path.of("/run/verbund"), Path.of("/var/lib/verbund/mariadb"),
                ReplicationPassword.generatedFor(out));
    }

    @Test
    void aFailingGeneratorLeavesTheExistingOutputUntouched() throws Exception {
        Path out = existingOutput();
        ConfigGenerator fine = (topology, settings) -> List.of(GeneratedFile.of("a.txt", "a", "a file"));
        ConfigGenerator broken = (topology, settings) -> {
            throw new IllegalStateException("generator bug");
        };
        ClusterFiles files = new ClusterFiles(List.of(fine, broken), ValidationPlan.standard());

        assertThatThrownBy(() -> new OutputDirectory(out).replaceWith(
                files.generate(LocalTopology.local(), settings(out)), line -> { }))
                .hasMessage("generator bug");

        assertThat(Files.readString(out.resolve("haproxy/haproxy.cfg"))).isEqualTo("the previous configuration\n");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void aFailedWriteLeavesTheExistingOutputUntouchedAndNoStagingBehind() throws Exception {
        Path out = existingOutput();
        List<GeneratedFile> clash = List.of(
                GeneratedFile.of("haproxy/haproxy.cfg", "new\n", "first"),
                GeneratedFile.of("haproxy/haproxy.cfg/oops", "cannot be below a file\n", "second"));

        assertThatThrownBy(() -> new OutputDirectory(out).replaceWith(clash, line -> { }))
                .isInstanceOf(CannotWriteOutput.class)
                .hasMessageContaining("nothing was changed");

        assertThat(Files.readString(out.resolve("haproxy/haproxy.cfg"))).isEqualTo("the previous configuration\n");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void replacesAnExistingOutputAsAWhole() throws Exception {
        Path out = existingOutput();
        Files.writeString(out.resolve("stale.txt"), "from an older topology\n");
        List<String> progress = new ArrayList<>();

        new OutputDirectory(out).replaceWith(ClusterFiles.standard().generate(LocalTopology.local(), settings(out)), progress::add);

        assertThat(out.resolve("stale.txt")).doesNotExist();
        assertThat(Files.readString(out.resolve("haproxy/haproxy.cfg"))).contains("listen db_master");
        assertThat(out.resolve("README.txt")).exists();
        assertThat(progress).anyMatch(line -> line.contains("kamailio/kamailio.cfg"));
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void writesSecretsForTheOwnerOnlyAndNeverReportsThem() throws Exception {
        Path out = parent.resolve("fresh/out");
        GenerationSettings settings = settings(out);
        List<String> progress = new ArrayList<>();

        new OutputDirectory(out).replaceWith(ClusterFiles.standard().generate(LocalTopology.local(), settings), progress::add);

        String password = settings.replicationPassword().reveal();
        assertThat(Files.getPosixFilePermissions(out.resolve("secrets/replication.properties")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(out.resolve("secrets")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(out.resolve("mariadb/replication-master1.sql")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(out.resolve("haproxy/haproxy.cfg")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.readString(out.resolve("secrets/replication.properties"))).contains("replication.password=" + password);
        assertThat(String.join("\n", progress)).doesNotContain(password);
        assertThat(settings.replicationPassword().toString()).doesNotContain(password);
    }

    @Test
    void aSecondGenerateReusesTheGeneratedPassword() throws Exception {
        Path out = parent.resolve("out");
        GenerationSettings first = settings(out);
        new OutputDirectory(out).replaceWith(ClusterFiles.standard().generate(LocalTopology.local(), first), line -> { });

        ReplicationPassword again = ReplicationPassword.generatedFor(out);

        assertThat(again.reveal()).isEqualTo(first.replicationPassword().reveal());
        assertThat(again.generated()).isTrue();
    }

    @Test
    void refusesToReplaceAFile() throws Exception {
        Path file = Files.writeString(parent.resolve("out"), "not a directory\n");

        assertThatThrownBy(() -> new OutputDirectory(file).replaceWith(List.of(GeneratedFile.of("a", "a", "a")), line -> { }))
                .isInstanceOf(CannotWriteOutput.class);

        assertThat(Files.readString(file)).isEqualTo("not a directory\n");
    }
}
