package io.verbund.acd.storage.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.storage.file.FileName;
import io.verbund.acd.storage.file.FileStore;
import io.verbund.acd.storage.file.StoredFile;
import io.verbund.acd.tenant.TenantKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final TenantKey DEMO = new TenantKey("demo");
    private static final TenantKey ACME = new TenantKey("acme");

    @TempDir
    Path root;

    /** A clock tests move by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void selectsOnlyFilesCreatedBeforeTheCutoff() {
        StoredFile old = file("old", NOW.minus(Duration.ofDays(91)));
        StoredFile edge = file("edge", NOW.minus(Duration.ofDays(90)));
        StoredFile fresh = file("fresh", NOW.minus(Duration.ofDays(1)));
        assertThat(RetentionSweep.expired(List.of(old, edge, fresh), Duration.ofDays(90), NOW)).containsExactly(old);
    }

    @Test
    void removesExpiredFilesPerTenantAndCategoryAndReportsThem() throws IOException {
        MovableClock clock = new MovableClock(NOW.minus(Duration.ofDays(100)));
        FileStore store = new FileStore(root, clock);
        put(store, DEMO, FileCategory.RECORDINGS, "old-1.wav", 10);
        put(store, DEMO, FileCategory.RECORDINGS, "old-2.wav", 20);
        put(store, ACME, FileCategory.RECORDINGS, "acme-old.wav", 5);
        put(store, DEMO, FileCategory.PROMPTS, "welcome.wav", 7);
        clock.advance(Duration.ofDays(99));
        put(store, DEMO, FileCategory.RECORDINGS, "new.wav", 30);
        clock.advance(Duration.ofDays(1));

        RetentionReport report = new RetentionSweep(store, clock, (tenant, category) ->
                category == FileCategory.RECORDINGS ? Optional.of(tenant.equals(ACME) ? Duration.ofDays(200) : Duration.ofDays(90))
                        : Optional.empty()).run("node-a");

        assertThat(report.removed()).containsExactly(new RetentionReport.Removed("demo", "recordings", 2, 30));
        assertThat(report.node()).isEqualTo("node-a");
        assertThat(store.names(DEMO, FileCategory.RECORDINGS, "")).extracting(FileName::value).containsExactly("new.wav");
        assertThat(store.names(ACME, FileCategory.RECORDINGS, "")).hasSize(1);
        assertThat(store.names(DEMO, FileCategory.PROMPTS, "")).hasSize(1);
        assertThat(Files.exists(store.folder(DEMO, FileCategory.RECORDINGS).resolve(".meta/old-1.wav.properties"))).isFalse();
        assertThat(RetentionReport.fromJson(report.toJson())).isEqualTo(report);
    }

    @Test
    void removesTemporaryFilesOfUploadsThatDiedADayAgo() throws IOException {
        MovableClock clock = new MovableClock(NOW);
        FileStore store = new FileStore(root, clock);
        Path folder = store.folder(DEMO, FileCategory.LOGS);
        Files.createDirectories(folder);
        Path stale = Files.writeString(folder.resolve(".tmp-dead"), "partial");
        Files.setLastModifiedTime(stale, FileTime.from(NOW.minus(Duration.ofDays(2))));
        Path running = Files.writeString(folder.resolve(".tmp-running"), "partial");
        Files.setLastModifiedTime(running, FileTime.from(NOW.minus(Duration.ofMinutes(5))));

        RetentionReport report = new RetentionSweep(store, clock, (tenant, category) -> Optional.empty()).run("node-a");

        assertThat(report.staleTempFiles()).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(running).exists();
    }

    private static void put(FileStore store, TenantKey tenant, FileCategory category, String name, int size) throws IOException {
        store.store(tenant, category, new FileName(name), new ByteArrayInputStream(new byte[size]), size, Optional.empty(), null, false);
    }

    private static StoredFile file(String name, Instant created) {
        return new StoredFile(new FileName(name), 1, created, created, "audio/wav", Optional.empty(), true);
    }
}
