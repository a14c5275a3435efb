package io.verbund.acd.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path folder;

    @Test
    void theTargetAppearsOnlyWhenCommittedWithItsChecksum() throws IOException {
        Path target = folder.resolve("file.txt");
        try (AtomicWrite write = AtomicWrite.in(folder)) {
            AtomicWrite.Written written = write.write(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), 100);
            assertThat(target).doesNotExist();
            assertThat(written.size()).isEqualTo(5);
            assertThat(written.sha256().hex()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
            write.commit(target, true, FileTime.fromMillis(1_000_000));
        }
        assertThat(target).hasContent("hello");
        assertThat(Files.getLastModifiedTime(target).toMillis()).isEqualTo(1_000_000);
        assertThat(entries()).containsExactly("file.txt");
    }

    @Test
    void aBodyThatBreaksOffLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path target = folder.resolve("file.txt");
        Files.writeString(target, "old");
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 10_000) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> {
            try (AtomicWrite write = AtomicWrite.in(folder)) {
                write.write(breaking, 1_000_000);
                write.commit(target, true, FileTime.fromMillis(0));
            }
        }).hasMessage("connection reset");
        assertThat(target).hasContent("old");
        assertThat(entries()).containsExactly("file.txt");
    }

    @Test
    void moreThanTheLimitIsRefusedAndRemoved() throws IOException {
        assertThatThrownBy(() -> {
            try (AtomicWrite write = AtomicWrite.in(folder)) {
                write.write(new ByteArrayInputStream(new byte[101]), 100);
            }
        }).isInstanceOf(AtomicWrite.LimitExceeded.class);
        assertThat(entries()).isEmpty();
    }

    @Test
    void withoutReplaceAnExistingTargetWins() throws IOException {
        Path target = folder.resolve("file.txt");
        Files.writeString(target, "first");
        assertThatThrownBy(() -> {
            try (AtomicWrite write = AtomicWrite.in(folder)) {
                write.write("second".getBytes(StandardCharsets.UTF_8));
                write.commit(target, false, FileTime.fromMillis(0));
            }
        }).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).hasContent("first");
        assertThat(entries()).containsExactly("file.txt");
    }

    private java.util.List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
