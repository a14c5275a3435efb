package io.verbund.acd.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.storage.StorageProblem;
import io.verbund.acd.tenant.TenantKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final TenantKey ACME = new TenantKey("acme");
    private static final FileCategory REC = FileCategory.RECORDINGS;

    @TempDir
    Path root;

    private FileStore store() {
        return new FileStore(root, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void storesListsAndKeepsTenantsApart() throws IOException {
        FileStore store = store();
        store.store(DEMO, REC, new FileName("b.wav"), bytes("bbb"), 100, Optional.empty(), "audio/wav", false);
        store.store(DEMO, REC, new FileName("a.wav"), bytes("aa"), 100, Optional.empty(), "audio/wav", false);
        assertThat(store.names(DEMO, REC, "")).extracting(FileName::value).containsExactly("a.wav", "b.wav");
        assertThat(store.names(DEMO, REC, "b")).extracting(FileName::value).containsExactly("b.wav");
        assertThat(store.names(ACME, REC, "")).isEmpty();
        assertThat(store.find(ACME, REC, new FileName("a.wav"))).isEmpty();
        StoredFile a = store.find(DEMO, REC, new FileName("a.wav")).orElseThrow();
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.sha256()).contains(Sha256.ofBytes("aa".getBytes(StandardCharsets.UTF_8)));
        assertThat(a.created()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(store.usage(DEMO).get(REC)).isEqualTo(5);
    }

    @Test
    void aWrongChecksumStoresNothing() throws IOException {
        FileStore store = store();
        Sha256 other = Sha256.ofBytes(new byte[] {1});
        assertThatThrownBy(() -> store.store(DEMO, REC, new FileName("x.wav"), bytes("data"), 100, Optional.of(other), null, false))
                .isInstanceOf(StorageProblem.class).hasMessageContaining("nothing was stored");
        assertThat(store.names(DEMO, REC, "")).isEmpty();
        try (var files = Files.list(store.folder(DEMO, REC))) {
            assertThat(files.filter(path -> !Files.isDirectory(path))).isEmpty();
        }
    }

    @Test
    void aChecksumIsNotTrustedForAFileChangedBehindTheStoresBack() throws IOException {
        FileStore store = store();
        store.store(DEMO, REC, new FileName("x.wav"), bytes("data"), 100, Optional.empty(), null, false);
        Files.writeString(store.folder(DEMO, REC).resolve("x.wav"), "tampered");
        assertThat(store.find(DEMO, REC, new FileName("x.wav")).orElseThrow().sha256()).isEmpty();
    }

    @Test
    void streamsAppendsRetriesAHeaderRewriteAndCompletes() throws IOException {
        FileStore store = store();
        FileName name = new FileName("call.wav");
        assertThat(store.startUpload(DEMO, REC, name, "audio/wav").size()).isZero();
        assertThat(store.append(DEMO, REC, name, 0, "HEADER--".getBytes(StandardCharsets.US_ASCII))).isEqualTo(8);
        assertThat(store.append(DEMO, REC, name, 8, "abcd".getBytes(StandardCharsets.US_ASCII))).isEqualTo(12);
        // the same append again (a retry after a lost answer) is accepted and changes nothing
        assertThat(store.append(DEMO, REC, name, 8, "abcd".getBytes(StandardCharsets.US_ASCII))).isEqualTo(12);
        // a retry that overlaps the end appends only what is new
        assertThat(store.append(DEMO, REC, name, 10, "cdef".getBytes(StandardCharsets.US_ASCII))).isEqualTo(14);
        StoredFile growing = store.find(DEMO, REC, name).orElseThrow();
        assertThat(growing.complete()).isFalse();
        assertThat(growing.sha256()).isEmpty();
        assertThat(store.names(DEMO, REC, "")).extracting(FileName::value).containsExactly("call.wav");

        assertThatThrownBy(() -> store.append(DEMO, REC, name, 20, new byte[] {1}))
                .isInstanceOf(StorageProblem.class).satisfies(p -> assertThat(((StorageProblem) p).headers()).containsEntry("Upload-Offset", "14"));
        assertThatThrownBy(() -> store.append(DEMO, REC, name, 8, "zzzz".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("Other bytes are already stored");
        assertThatThrownBy(() -> store.overwrite(DEMO, REC, name, 12, "xyz".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("within the 14 bytes");

        store.overwrite(DEMO, REC, name, 0, "RIFFWAVE".getBytes(StandardCharsets.US_ASCII));
        StoredFile done = store.complete(DEMO, REC, name, Optional.empty());
        assertThat(done.complete()).isTrue();
        assertThat(Files.readString(store.folder(DEMO, REC).resolve("call.wav"))).isEqualTo("RIFFWAVEabcdef");
        assertThat(done.sha256()).contains(Sha256.ofBytes("RIFFWAVEabcdef".getBytes(StandardCharsets.US_ASCII)));
        assertThat(store.find(DEMO, REC, name).orElseThrow().sha256()).isEqualTo(done.sha256());
        assertThatThrownBy(() -> store.append(DEMO, REC, name, 14, new byte[] {1})).hasMessageContaining("is complete");
    }

    @Test
    void startingAStreamTwiceResumesAndACompleteFileIsNotRestarted() throws IOException {
        FileStore store = store();
        FileName name = new FileName("vm.wav");
        store.startUpload(DEMO, FileCategory.VOICEMAIL, name, "audio/wav");
        store.append(DEMO, FileCategory.VOICEMAIL, name, 0, new byte[] {1, 2, 3});
        assertThat(store.startUpload(DEMO, FileCategory.VOICEMAIL, name, "audio/wav").size()).isEqualTo(3);
        store.complete(DEMO, FileCategory.VOICEMAIL, name, Optional.empty());
        assertThatThrownBy(() -> store.startUpload(DEMO, FileCategory.VOICEMAIL, name, "audio/wav")).hasMessageContaining("complete");
    }

    @Test
    void aCompletionWithTheWrongChecksumLeavesTheUploadOpen() throws IOException {
        FileStore store = store();
        FileName name = new FileName("r.wav");
        store.startUpload(DEMO, REC, name, null);
        store.append(DEMO, REC, name, 0, new byte[] {9});
        assertThatThrownBy(() -> store.complete(DEMO, REC, name, Optional.of(Sha256.ofBytes(new byte[] {8})))).hasMessageContaining("SHA-256");
        assertThat(store.find(DEMO, REC, name).orElseThrow().complete()).isFalse();
    }

    @Test
    void mustBeNewRefusesAnExistingFile() throws IOException {
        FileStore store = store();
        store.store(DEMO, REC, new FileName("x"), bytes("1"), 10, Optional.empty(), null, true);
        assertThatThrownBy(() -> store.store(DEMO, REC, new FileName("x"), bytes("2"), 10, Optional.empty(), null, true))
                .satisfies(p -> assertThat(((StorageProblem) p).status()).isEqualTo(412));
        assertThat(Files.readString(store.folder(DEMO, REC).resolve("x"))).isEqualTo("1");
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
