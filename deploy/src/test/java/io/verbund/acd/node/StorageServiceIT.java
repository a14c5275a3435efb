package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.launcher.DemoNode;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.FileListing;
import io.verbund.acd.runtime.storage.StorageClient;
import io.verbund.acd.runtime.storage.StorageFailure;
import io.verbund.acd.runtime.storage.StoredFileInfo;
import io.verbund.acd.tenant.TenantKey;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storage service of one real node over HTTP: whole files with checksums and ranges, what a
 * broken upload leaves, quotas, retention, refused names, tenant isolation, prompt conversion and
 * the streaming upload through {@link StorageClient} with the launcher's service secret. Each test
 * uses its own names (and tenant acme's small quota only in one test), so the order does not matter.
 */
class StorageServiceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The shared node's home: its storage, secrets and logs. */
    private static Path homeFolder;

    private static DemoNode node;
    private static URI base;

    @BeforeAll
    static void startNode() {
        node = TestNodes.apiAndStorageNode();
        homeFolder = node.home().root();
        base = URI.create(node.portalUrl() + "storage/api/v1/");
    }

    private static Path storageRoot() {
        return node.home().storageRoot();
    }

    @Test
    void anUploadDownloadsListsInPagesAndCarriesItsChecksum() throws Exception {
        for (int i = 1; i <= 5; i++) {
            Answer put = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/reports/page-" + i + ".csv",
                    ("row " + i).getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/csv"));
            assertThat(put.status()).as(put.toString()).isEqualTo(201);
            assertThat(put.header("Location")).endsWith("/storage/api/v1/tenants/demo/files/reports/page-" + i + ".csv");
            assertThat(put.header("X-Checksum-SHA256")).isEqualTo(sha256(("row " + i).getBytes(StandardCharsets.UTF_8)));
        }
        Answer page = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/reports?prefix=page-&offset=2&limit=2", null, Map.of());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonObject json = page.json();
        assertThat(json.getInt("total")).isEqualTo(5);
        assertThat(json.getJsonArray("items")).extracting(item -> item.asJsonObject().getString("name")).containsExactly("page-3.csv", "page-4.csv");
        JsonObject item = json.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("sha256")).isEqualTo(sha256("row 3".getBytes(StandardCharsets.UTF_8)));
        assertThat(item.getBoolean("complete")).isTrue();
        assertThat(item.getString("contentType")).isEqualTo("text/csv");

        Answer download = send("supervisor@demo", "demo-supervisor", "GET", "tenants/demo/files/reports/page-3.csv", null, Map.of());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.text()).isEqualTo("row 3");
        assertThat(download.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(download.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(sha256("row 3".getBytes(StandardCharsets.UTF_8)))) + ":");
        Answer head = send("admin@demo", "demo-admin", "HEAD", "tenants/demo/files/reports/page-3.csv", null, Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("5");
        Answer verified = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/reports/page-3.csv/verification", null, Map.of());
        assertThat(verified.json().getBoolean("intact")).as(verified.toString()).isTrue();

        assertThat(send("admin@demo", "demo-admin", "DELETE", "tenants/demo/files/reports/page-5.csv", null, Map.of()).status()).isEqualTo(204);
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/reports/page-5.csv", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aRangeRequestGetsExactlyThoseBytesAndOneBeyondTheEndGets416() throws Exception {
        byte[] content = new byte[1000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        assertThat(send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/multichannel/range.bin", content, Map.of()).status()).isEqualTo(201);
        Answer part = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/multichannel/range.bin", null, Map.of("Range", "bytes=100-199"));
        assertThat(part.status()).as(part.toString()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 100-199/1000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
        Answer suffix = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/multichannel/range.bin", null, Map.of("Range", "bytes=-10"));
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 990, 1000));
        Answer beyond = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/multichannel/range.bin", null, Map.of("Range", "bytes=1000-"));
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */1000");
    }

    @Test
    void anUploadedHtmlFileIsRefusedAndWhateverIsStoredDownloadsAsASandboxedAttachment() throws Exception {
        byte[] page = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        Answer html = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/reports/evil.html", page, Map.of("Content-Type", "text/html"));
        assertThat(html.status()).as(html.toString()).isEqualTo(422);
        assertThat(html.header("Content-Type")).startsWith("application/problem+json");
        assertThat(html.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("Content-Type");
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/reports/evil.html", null, Map.of()).status()).isEqualTo(404);
        Answer streamed = send("admin@demo", "demo-admin", "POST", "tenants/demo/files/recordings/evil.html/upload", new byte[0],
                Map.of("Upload-Content-Type", "image/svg+xml"));
        assertThat(streamed.status()).as(streamed.toString()).isEqualTo(422);
        assertThat(streamed.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("Upload-Content-Type");

        // The same page without a type is stored as bytes, and never comes back as a page of the portal's origin.
        assertThat(send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/reports/evil.html", page, Map.of()).status()).isEqualTo(201);
        Answer download = send("supervisor@demo", "demo-supervisor", "GET", "tenants/demo/files/reports/evil.html", null, Map.of());

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"evil.html\"");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).contains("sandbox");
        Answer csv = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/reports/sheet.csv", "a;b".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/csv; charset=utf-8"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(201);
        Answer sheet = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/reports/sheet.csv", null, Map.of());
        assertThat(sheet.header("Content-Type")).startsWith("text/csv");
        assertThat(sheet.header("Content-Disposition")).startsWith("attachment;");
    }

    @Test
    void aSupervisorOfGroupsReachesOnlyTheRecordingsOfItsGroupsCalls() throws Exception {
        // supervisor@demo supervises Support and Sales; "Storage back office" is nobody's.
        try (Connection db = node.database().connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO acd_group (tenant_id, name) SELECT id, 'Storage back office' FROM tenant WHERE tenant_key = 'demo'");
            sql.executeUpdate("INSERT INTO call_record (call_id, tenant_id, received_at, group_id, recording_file)"
                    + " SELECT 'it-scope-a', t.id, CURRENT_TIMESTAMP(3), g.id, 'it-scope-a.wav' FROM tenant t"
                    + " JOIN acd_group g ON g.tenant_id = t.id AND g.name = 'Support' WHERE t.tenant_key = 'demo'");
            sql.executeUpdate("INSERT INTO call_record (call_id, tenant_id, received_at, group_id, recording_file)"
                    + " SELECT 'it-scope-b', t.id, CURRENT_TIMESTAMP(3), g.id, 'it-scope-b.wav' FROM tenant t"
                    + " JOIN acd_group g ON g.tenant_id = t.id AND g.name = 'Storage back office' WHERE t.tenant_key = 'demo'");
        }
        for (String name : List.of("it-scope-a.wav", "it-scope-b.wav")) {
            Answer stored = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/recordings/" + name, pcmWav(8000, 1, 800),
                    Map.of("Content-Type", "audio/wav"));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        }

        Answer listed = send("supervisor@demo", "demo-supervisor", "GET", "tenants/demo/files/recordings?prefix=it-scope-", null, Map.of());
        assertThat(listed.json().getInt("total")).as(listed.toString()).isEqualTo(1);
        assertThat(listed.text()).contains("it-scope-a.wav").doesNotContain("it-scope-b.wav");
        assertThat(send("supervisor@demo", "demo-supervisor", "GET", "tenants/demo/files/recordings/it-scope-a.wav", null, Map.of()).status())
                .isEqualTo(200);
        assertThat(send("supervisor@demo", "demo-supervisor", "GET", "tenants/demo/files/recordings/it-scope-b.wav", null, Map.of()).status())
                .isEqualTo(404);
        assertThat(send("supervisor@demo", "demo-supervisor", "HEAD", "tenants/demo/files/recordings/it-scope-b.wav", null, Map.of()).status())
                .isEqualTo(404);
        assertThat(send("supervisor@demo", "demo-supervisor", "GET", "tenants/demo/files/recordings/it-scope-b.wav/metadata", null, Map.of())
                .status()).isEqualTo(404);
        assertThat(send("supervisor@demo", "demo-supervisor", "DELETE", "tenants/demo/files/recordings/it-scope-b.wav", null, Map.of()).status())
                .isEqualTo(404);
        assertThat(send("supervisor@demo", "demo-supervisor", "PUT", "tenants/demo/files/recordings/it-scope-b.wav", pcmWav(8000, 1, 800),
                Map.of("Content-Type", "audio/wav")).status()).as("no overwriting either").isEqualTo(403);
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/recordings/it-scope-b.wav", null, Map.of()).status())
                .as("still there, and the admin reaches all of the tenant's").isEqualTo(200);
        assertThat(send("supervisor@demo", "demo-supervisor", "DELETE", "tenants/demo/files/recordings/it-scope-a.wav", null, Map.of()).status())
                .isEqualTo(204);
    }

    @Test
    void aWrongChecksumIsRefusedAndNothingIsStored() throws Exception {
        Answer refused = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/scripts/checked.txt",
                "payload".getBytes(StandardCharsets.UTF_8), Map.of("X-Checksum-SHA256", sha256("other".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().getString("type")).isEqualTo("urn:verbund-acd:problem:checksum-mismatch");
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/scripts/checked.txt", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/scripts", null, Map.of()).text()).doesNotContain("checked.txt");
        assertThat(visibleFiles(storageRoot().resolve("demo/scripts"))).doesNotContain("checked.txt");

        Answer accepted = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/scripts/checked.txt",
                "payload".getBytes(StandardCharsets.UTF_8), Map.of("X-Checksum-SHA256", sha256("payload".getBytes(StandardCharsets.UTF_8))));
        assertThat(accepted.status()).isEqualTo(201);
    }

    @Test
    void anUploadKilledHalfWayLeavesNoFileBehind() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin@demo:demo-admin".getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", node.ports().http())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /storage/api/v1/tenants/demo/files/configs/killed.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 200000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100_000]);
            out.flush();
            Thread.sleep(500);
        }
        Path folder = storageRoot().resolve("demo/configs");
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && !allFiles(folder).stream().noneMatch(name -> name.startsWith(".tmp-"))) {
            Thread.sleep(200);
        }
        assertThat(allFiles(folder)).as("nothing of the broken upload stays, not even its temporary file")
                .noneMatch(name -> name.startsWith(".tmp-") || name.equals("killed.bin"));
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/configs/killed.bin", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/configs", null, Map.of()).text()).doesNotContain("killed.bin");
    }

    @Test
    void aFullQuotaIsRefusedNamingUsageAndLimit() throws Exception {
        Answer first = send("admin@acme", "acme-admin", "PUT", "tenants/acme/files/faxes/big-1.tif", new byte[200_000], Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        try {
            Answer second = send("admin@acme", "acme-admin", "PUT", "tenants/acme/files/faxes/big-2.tif", new byte[150_000], Map.of());
            assertThat(second.status()).as(second.toString()).isEqualTo(507);
            JsonObject problem = second.json();
            assertThat(problem.getString("type")).isEqualTo("urn:verbund-acd:problem:quota-exceeded");
            assertThat(problem.getJsonNumber("limitBytes").longValue()).isEqualTo(300_000);
            assertThat(problem.getJsonNumber("usageBytes").longValue()).isGreaterThanOrEqualTo(200_000);
            assertThat(problem.getString("detail")).contains("300000");
            assertThat(send("admin@acme", "acme-admin", "GET", "tenants/acme/files/faxes/big-2.tif", null, Map.of()).status()).isEqualTo(404);
            Answer usage = send("admin@acme", "acme-admin", "GET", "tenants/acme/usage", null, Map.of());
            assertThat(usage.json().getJsonNumber("limitBytes").longValue()).isEqualTo(300_000);
        } finally {
            send("admin@acme", "acme-admin", "DELETE", "tenants/acme/files/faxes/big-1.tif", null, Map.of());
        }
    }

    @Test
    void theRetentionRunRemovesOldFilesAndReportsThem() throws Exception {
        assertThat(send("admin@acme", "acme-admin", "PUT", "tenants/acme/files/logs/old.log", new byte[1234], Map.of()).status()).isEqualTo(201);
        assertThat(send("admin@acme", "acme-admin", "PUT", "tenants/acme/files/reports/kept.csv", new byte[10], Map.of()).status()).isEqualTo(201);
        Thread.sleep(2500);
        assertThat(send("admin@acme", "acme-admin", "POST", "retention/runs", null, Map.of()).status()).isEqualTo(403);

        Answer run = send("sysadmin", "system-admin", "POST", "retention/runs", null, Map.of());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getString("node")).isEqualTo(DemoNode.NODE_NAME);
        assertThat(run.json().getJsonArray("removed")).anySatisfy(row -> {
            assertThat(row.asJsonObject().getString("tenant")).isEqualTo("acme");
            assertThat(row.asJsonObject().getString("category")).isEqualTo("logs");
            assertThat(row.asJsonObject().getJsonNumber("files").longValue()).isGreaterThanOrEqualTo(1);
            assertThat(row.asJsonObject().getJsonNumber("bytes").longValue()).isGreaterThanOrEqualTo(1234);
        });
        assertThat(send("admin@acme", "acme-admin", "GET", "tenants/acme/files/logs/old.log", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("admin@acme", "acme-admin", "GET", "tenants/acme/files/reports/kept.csv", null, Map.of()).status()).isEqualTo(200);

        Answer last = send("admin@acme", "acme-admin", "GET", "retention/last-run", null, Map.of());
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.json().getJsonArray("removed")).allSatisfy(row -> assertThat(row.asJsonObject().getString("tenant")).isEqualTo("acme"));
    }

    @Test
    void namesThatCouldLeaveTheTenantsFolderAreRefused() throws Exception {
        List<String> encodedNames = List.of("..", "%2e%2e", "..%2fevil-1", "%2e%2e%2fevil-2", "..%5cevil-3", "%252e%252e%252fevil-4",
                "evil%00-5", "evil%0a-6", ".evil-7", "%2fetc%2fevil-8", "%c0%ae%c0%ae%c0%afevil-9", "evil%5c..%5c-10", "%2e%2e%5cevil-11");
        for (String name : encodedNames) {
            int status = rawPut("/storage/api/v1/tenants/demo/files/prompts/" + name);
            assertThat(status).as("PUT %s", name).isIn(400, 404);
        }
        assertThat(rawPut("/storage/api/v1/tenants/demo/files/../../acme/files/configs/evil-12")).isIn(400, 404);
        assertThat(rawPut("/storage/api/v1/tenants/demo/files/configs/..%2f..%2facme%2fconfigs%2fevil-13")).isEqualTo(400);
        try (Stream<Path> all = Files.walk(homeFolder)) {
            assertThat(all.map(path -> path.getFileName().toString()).filter(name -> name.contains("evil"))).isEmpty();
        }
        Answer named = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/configs/a%2Fb.txt", new byte[1], Map.of());
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.json().getString("detail")).contains("no sub-folders");
    }

    @Test
    void oneTenantNeverReachesAnothersFiles() throws Exception {
        assertThat(send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/skins/secret.css", "demo only".getBytes(StandardCharsets.UTF_8), Map.of())
                .status()).isEqualTo(201);
        assertThat(send("admin@acme", "acme-admin", "GET", "tenants/demo/files/skins", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("admin@acme", "acme-admin", "GET", "tenants/demo/files/skins/secret.css", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("admin@acme", "acme-admin", "PUT", "tenants/demo/files/skins/planted.css", new byte[1], Map.of()).status()).isEqualTo(404);
        assertThat(send("admin@acme", "acme-admin", "DELETE", "tenants/demo/files/skins/secret.css", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("admin@acme", "acme-admin", "GET", "tenants/acme/files/skins/secret.css", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("sysadmin", "system-admin", "GET", "tenants/demo/files/skins/secret.css", null, Map.of()).text()).isEqualTo("demo only");
        assertThat(send("sysadmin", "system-admin", "GET", "tenants/nosuch/files/skins", null, Map.of()).status()).isEqualTo(404);
        assertThat(send("agent1001@demo", "demo-1001", "GET", "tenants/demo/files/skins", null, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void withoutCredentialsEverythingButHealthIs401() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(base.resolve("tenants/demo/files/prompts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongSecret = HTTP.send(HttpRequest.newBuilder(base.resolve("tenants/demo/files/prompts"))
                .header("Authorization", "Verbund-Service not-the-secret-of-this-cluster").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(node.portalUrl() + "storage/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void theServiceSecretOpensOnlyTheStorageApi() throws Exception {
        HttpResponse<String> portal = HTTP.send(HttpRequest.newBuilder(URI.create(node.portalUrl() + "api/v1/groups"))
                .header("Authorization", "Verbund-Service " + serviceSecret()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).as(portal.body()).isEqualTo(403);
        assertThat(Files.getPosixFilePermissions(homeFolder.resolve("secrets/service-secret")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aPcmPromptIsStoredAsMuLawAndOtherAudioIsRefusedNamingWhy() throws Exception {
        Answer stored = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/prompts/welcome-it.wav", pcmWav(16000, 1, 16000),
                Map.of("Content-Type", "audio/wav"));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        byte[] wav = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/prompts/welcome-it.wav", null, Map.of()).body();
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getShort(20)).as("format tag: G.711 µ-law").isEqualTo((short) 7);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(header.getShort(34)).as("bits a sample").isEqualTo((short) 8);
        assertThat(wav.length).as("one second at 8000 bytes a second, plus the header").isBetween(8000 + 58 - 10, 8000 + 58);

        Answer stereo = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/prompts/stereo.wav", pcmWav(44100, 2, 4410),
                Map.of("Content-Type", "audio/wav"));
        assertThat(stereo.status()).as(stereo.toString()).isEqualTo(422);
        assertThat(stereo.json().getString("detail")).contains("WAV of 16-bit PCM at 44100 Hz stereo: prompts must be mono");
        Answer text = send("admin@demo", "demo-admin", "PUT", "tenants/demo/files/prompts/notes.wav",
                "just some text".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "audio/wav"));
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        assertThat(text.json().getString("detail")).contains("must be WAV files", "'just'");
        assertThat(send("admin@demo", "demo-admin", "GET", "tenants/demo/files/prompts/stereo.wav", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aRecordingIsStreamedReadWhileItGrowsAndCompleted() throws Exception {
        StorageClient client = new StorageClient(URI.create(node.portalUrl() + "storage/"), serviceSecret(), HTTP);
        TenantKey demo = new TenantKey("demo");
        String name = "call-it-" + System.nanoTime() + ".wav";
        byte[] header = new byte[44];
        byte[] first = new byte[16_000];
        byte[] second = new byte[16_000];
        Arrays.fill(first, (byte) 0x11);
        Arrays.fill(second, (byte) 0x22);

        assertThat(client.startUpload(demo, FileCategory.RECORDINGS, name, "audio/wav")).isZero();
        assertThat(client.append(demo, FileCategory.RECORDINGS, name, 0, header)).isEqualTo(44);
        assertThat(client.append(demo, FileCategory.RECORDINGS, name, 44, first)).isEqualTo(44 + 16_000);
        assertThat(client.append(demo, FileCategory.RECORDINGS, name, 44, first)).as("a retried append is accepted").isEqualTo(44 + 16_000);
        assertThatThrownBy(() -> client.append(demo, FileCategory.RECORDINGS, name, 100_000, second))
                .isInstanceOfSatisfying(StorageFailure.class, failure -> assertThat(failure.uploadOffset()).contains(44L + 16_000));

        FileListing growing = client.list(demo, FileCategory.RECORDINGS, name, 0, 10);
        assertThat(growing.files()).singleElement().satisfies(file -> {
            assertThat(file.complete()).isFalse();
            assertThat(file.size()).isEqualTo(44 + 16_000);
        });
        Answer partial = send("admin@demo", "demo-admin", "GET", "tenants/demo/files/recordings/" + name, null, Map.of("Range", "bytes=44-47"));
        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.body()).containsExactly(0x11, 0x11, 0x11, 0x11);

        assertThat(client.append(demo, FileCategory.RECORDINGS, name, 44 + 16_000, second)).isEqualTo(44 + 32_000);
        byte[] realHeader = "RIFF".getBytes(StandardCharsets.US_ASCII);
        client.writeAt(demo, FileCategory.RECORDINGS, name, 0, realHeader);
        StoredFileInfo done = client.complete(demo, FileCategory.RECORDINGS, name);

        byte[] expected = new byte[44 + 32_000];
        System.arraycopy(realHeader, 0, expected, 0, 4);
        System.arraycopy(first, 0, expected, 44, first.length);
        System.arraycopy(second, 0, expected, 44 + first.length, second.length);
        assertThat(done.complete()).isTrue();
        assertThat(done.sha256()).contains(sha256(expected));
        assertThat(client.download(demo, FileCategory.RECORDINGS, name)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(expected));
        assertThatThrownBy(() -> client.append(demo, FileCategory.RECORDINGS, name, expected.length, new byte[1]))
                .isInstanceOfSatisfying(StorageFailure.class, failure -> assertThat(failure.status()).isEqualTo(409));
        assertThat(client.list(demo, FileCategory.RECORDINGS, name, 0, 10).files().get(0).complete()).isTrue();
    }

    // --- helpers

    private static String serviceSecret() throws IOException {
        return Files.readString(homeFolder.resolve("secrets/service-secret")).strip();
    }

    record Answer(String request, int status, byte[] body, java.net.http.HttpHeaders headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonObject json() {
            return TestNodes.json(text());
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + text();
        }
    }

    private static Answer send(String login, String password, String method, String path, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(method + " " + path + " as " + login, response.statusCode(), response.body(), response.headers());
    }

    /** A PUT written byte for byte, so no client library normalises the path first; answers the status. */
    private static int rawPut(String rawPath) throws IOException {
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin@demo:demo-admin".getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", node.ports().http())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                    + "\r\nContent-Length: 4\r\nConnection: close\r\n\r\nevil").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        }
    }

    private static List<String> visibleFiles(Path folder) throws IOException {
        return allFiles(folder).stream().filter(name -> !name.startsWith(".")).toList();
    }

    private static List<String> allFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A WAV of 16-bit PCM holding a 440 Hz tone. */
    private static byte[] pcmWav(int rate, int channels, int frames) {
        int data = frames * 2 * channels;
        ByteBuffer out = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        for (int i = 0; i < frames; i++) {
            short sample = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            for (int channel = 0; channel < channels; channel++) {
                out.putShort(sample);
            }
        }
        return out.array();
    }
}
