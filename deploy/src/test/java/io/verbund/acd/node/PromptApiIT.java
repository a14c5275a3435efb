package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prompts, recordings and voicemail through the portal on a real node with its storage-service:
 * a WAV generated here is uploaded, converted, listed, played with a byte range, named by a call
 * flow (which then keeps it), refused when it is stereo or takes a system prompt's name; a call's
 * recording is served to those who may see the call.
 */
class PromptApiIT {

    private static final Map<String, String> WAV = Map.of("Content-Type", "audio/wav", "Accept", "application/json, application/problem+json");

    private static DemoNode node;
    private static URI api;
    private static ApiClient admin;
    private static ApiClient supervisor;
    private static ApiClient agent1001;
    private static ApiClient agent1002;

    @BeforeAll
    static void startNode() {
        node = TestNodes.demoNode();
        api = URI.create(node.portalUrl());
        admin = ApiClient.as(api, "admin@demo", "demo-admin");
        supervisor = ApiClient.as(api, "supervisor@demo", "demo-supervisor");
        agent1001 = ApiClient.as(api, "agent1001@demo", "demo-1001");
        agent1002 = ApiClient.as(api, "agent1002@demo", "demo-1002");
    }

    @Test
    void anUploadedPromptIsConvertedListedPlayedWithRangesAndRemoved() {
        byte[] tone = wav(16_000, 1, 0.5);
        HttpResponse<byte[]> created = admin.sendBytes("PUT", "api/v1/prompts/it-welcome", tone, WAV);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/prompts/it-welcome");
        assertThat(admin.sendBytes("PUT", "api/v1/prompts/it-welcome", tone, WAV).statusCode()).as("replaced").isEqualTo(200);

        ApiClient.Answer list = supervisor.get("api/v1/prompts");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonObject> items = list.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).anySatisfy(item -> {
            assertThat(item.getString("name")).isEqualTo("welcome");
            assertThat(item.getBoolean("system")).isTrue();
        });
        JsonObject own = items.stream().filter(item -> item.getString("name").equals("it-welcome")).findFirst().orElseThrow();
        assertThat(own.getBoolean("system")).isFalse();
        long size = own.getJsonNumber("size").longValue();

        HttpResponse<byte[]> whole = supervisor.sendBytes("GET", "api/v1/prompts/it-welcome", null, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type").orElse("")).startsWith("audio/wav");
        assertThat(whole.body()).hasSize((int) size);
        assertThat(new String(whole.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(ByteBuffer.wrap(whole.body(), 20, 2).order(ByteOrder.LITTLE_ENDIAN).getShort()).as("stored as µ-law").isEqualTo((short) 7);
        assertThat(size).as("8000 µ-law bytes a second, not 32000 bytes of 16 kHz PCM").isLessThan(tone.length / 3);

        HttpResponse<byte[]> part = supervisor.sendBytes("GET", "api/v1/prompts/it-welcome", null, Map.of("Range", "bytes=100-199"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + size);
        assertThat(part.body()).containsExactly(Arrays.copyOfRange(whole.body(), 100, 200));
        assertThat(supervisor.sendBytes("GET", "api/v1/prompts/it-welcome", null, Map.of("Range", "bytes=" + (size + 10) + "-")).statusCode())
                .isEqualTo(416);

        assertThat(supervisor.sendBytes("PUT", "api/v1/prompts/it-sneaky", tone, WAV).statusCode()).as("supervisors only listen").isEqualTo(403);
        assertThat(agent1001.get("api/v1/prompts").status()).as("agents do not manage prompts").isEqualTo(403);

        assertThat(admin.delete("api/v1/prompts/it-welcome").status()).isEqualTo(204);
        assertThat(admin.sendBytes("GET", "api/v1/prompts/it-welcome", null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(admin.delete("api/v1/prompts/it-welcome").status()).isEqualTo(404);
    }

    @Test
    void audioThatCannotBeAPromptIsRefusedWithTheStorageServicesReason() {
        HttpResponse<byte[]> stereo = admin.sendBytes("PUT", "api/v1/prompts/it-stereo", wav(8000, 2, 0.2), WAV);
        assertThat(stereo.statusCode()).as(text(stereo)).isEqualTo(422);
        assertThat(stereo.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestNodes.json(body(stereo)).getString("detail")).contains("stereo").contains("mono");

        HttpResponse<byte[]> pdf = admin.sendBytes("PUT", "api/v1/prompts/it-pdf", "%PDF-1.7 not audio".getBytes(StandardCharsets.US_ASCII), WAV);
        assertThat(pdf.statusCode()).as(text(pdf)).isEqualTo(415);

        HttpResponse<byte[]> system = admin.sendBytes("PUT", "api/v1/prompts/welcome", wav(8000, 1, 0.2), WAV);
        assertThat(system.statusCode()).as(text(system)).isEqualTo(409);
        assertThat(TestNodes.json(body(system)).getString("type")).endsWith("system-prompt-name");
        assertThat(admin.delete("api/v1/prompts/welcome").status()).isEqualTo(409);

        HttpResponse<byte[]> badName = admin.sendBytes("PUT", "api/v1/prompts/Not%20A%20Name", wav(8000, 1, 0.2), WAV);
        assertThat(badName.statusCode()).as(text(badName)).isEqualTo(422);
    }

    @Test
    void aCallFlowMayPlayAnUploadedPromptWhichThenCannotBeRemoved() {
        assertThat(admin.sendBytes("PUT", "api/v1/prompts/it-summer", wav(8000, 1, 0.3), WAV).statusCode()).isEqualTo(201);
        ApiClient.Answer flow = admin.post("api/v1/call-flows", """
                {"name":"Summer","graph":{"start":"hello","nodes":[
                  {"id":"hello","type":"announcement","parameters":{"prompt":"it-summer"},"exits":{"next":"queue"}},
                  {"id":"queue","type":"queue","parameters":{"group":"Support"},"exits":{}}]}}""");
        assertThat(flow.status()).as("the check knows the tenant's own prompts: " + flow).isEqualTo(201);

        ApiClient.Answer inUse = admin.delete("api/v1/prompts/it-summer");
        assertThat(inUse.status()).as(inUse.toString()).isEqualTo(409);
        assertThat(inUse.json().getString("detail")).contains("Summer");

        assertThat(admin.delete("api/v1/call-flows/" + flow.json().getJsonNumber("id").longValue()).status()).isEqualTo(204);
        assertThat(admin.delete("api/v1/prompts/it-summer").status()).isEqualTo(204);
    }

    @Test
    void aCallsRecordingIsServedWithRangesToThoseWhoMaySeeTheCall() throws Exception {
        byte[] recording = wav(8000, 2, 0.5);
        HttpResponse<byte[]> stored = admin.sendBytes("PUT", "/storage/api/v1/tenants/demo/files/recordings/it-call.wav", recording,
                Map.of("Content-Type", "audio/wav"));
        assertThat(stored.statusCode()).as(text(stored)).isEqualTo(201);
        String callId = recordedCall("it-call.wav");

        ApiClient.Answer call = supervisor.get("api/v1/calls/" + callId);
        assertThat(call.json().getBoolean("hasRecording")).isTrue();
        assertThat(call.json().getBoolean("hasVoicemail")).isFalse();

        HttpResponse<byte[]> whole = supervisor.sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).containsExactly(recording);
        HttpResponse<byte[]> part = agent1001.sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of("Range", "bytes=-4"));
        assertThat(part.statusCode()).as("the agent who answered").isEqualTo(206);
        assertThat(part.body()).containsExactly(Arrays.copyOfRange(recording, recording.length - 4, recording.length));

        assertThat(agent1002.sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of()).statusCode())
                .as("another agent").isEqualTo(404);
        assertThat(supervisor.sendBytes("GET", "api/v1/calls/" + callId + "/voicemail", null, Map.of()).statusCode())
                .as("no voicemail").isEqualTo(404);
        assertThat(ApiClient.anonymous(api).sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(ApiClient.as(api, "admin@acme", "acme-admin").sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anAdminErasesACallersRecordingsVoicemailsAndNumberWhileTheStatisticsKeepTheirCounts() throws Exception {
        String number = "+49170" + (System.nanoTime() % 10_000_000);
        String recordingFile = "it-erase-" + System.nanoTime() + ".wav";
        String voicemailFile = "it-erase-vm-" + System.nanoTime() + ".wav";
        String recordingUrl = "/storage/api/v1/tenants/demo/files/recordings/" + recordingFile;
        String voicemailUrl = "/storage/api/v1/tenants/demo/files/voicemail/" + voicemailFile;
        assertThat(admin.sendBytes("PUT", recordingUrl, wav(8000, 2, 0.2), Map.of("Content-Type", "audio/wav")).statusCode()).isEqualTo(201);
        assertThat(admin.sendBytes("PUT", voicemailUrl, wav(8000, 1, 0.2), Map.of("Content-Type", "audio/wav")).statusCode()).isEqualTo(201);
        String callId = recordedCall(recordingFile, number);
        try (Connection db = node.database().connect();
             PreparedStatement voicemail = db.prepareStatement("UPDATE call_record SET voicemail_file = ? WHERE call_id = ?");
             PreparedStatement event = db.prepareStatement("INSERT INTO call_event (tenant_id, call_id, seq, type, occurred_at, detail)"
                     + " SELECT tenant_id, call_id, 1, 'CallReceived', received_at, ? FROM call_record WHERE call_id = ?")) {
            voicemail.setString(1, voicemailFile);
            voicemail.setString(2, callId);
            assertThat(voicemail.executeUpdate()).isEqualTo(1);
            event.setString(1, "{\"serviceNumber\":\"+4930500100\",\"caller\":\"" + number + "\"}");
            event.setString(2, callId);
            assertThat(event.executeUpdate()).isEqualTo(1);
        }
        assertThat(admin.get("api/v1/calls/" + callId).json().getString("caller")).isEqualTo(number);
        JsonObject statsBefore = stableCallTotals();

        assertThat(agent1001.post("api/v1/privacy/erasures", "{\"caller\":\"" + number + "\"}").status()).as("an agent").isEqualTo(403);
        ApiClient.Answer invalid = admin.post("api/v1/privacy/erasures", "{\"caller\":\"not a number\"}");
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("caller");

        ApiClient.Answer erased = admin.post("api/v1/privacy/erasures", "{\"caller\":\"" + number + "\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().getInt("calls")).isEqualTo(1);
        assertThat(erased.json().getInt("events")).isEqualTo(1);
        assertThat(erased.json().getInt("recordings")).isEqualTo(1);
        assertThat(erased.json().getInt("voicemails")).isEqualTo(1);
        assertThat(erased.body()).doesNotContain(number);

        JsonObject call = admin.get("api/v1/calls/" + callId).json();
        assertThat(call.containsKey("caller") && !call.isNull("caller")).as("the call record's number: " + call).isFalse();
        assertThat(call.getString("outcome")).isEqualTo("ANSWERED");
        assertThat(call.toString()).doesNotContain(number);
        assertThat(admin.sendBytes("GET", recordingUrl, null, Map.of()).statusCode()).as("the recording in storage").isEqualTo(404);
        assertThat(admin.sendBytes("GET", voicemailUrl, null, Map.of()).statusCode()).as("the voicemail in storage").isEqualTo(404);
        try (Connection db = node.database().connect();
             PreparedStatement details = db.prepareStatement("SELECT COUNT(*) FROM call_event WHERE call_id = ? AND detail LIKE ?")) {
            details.setString(1, callId);
            details.setString(2, "%" + number + "%");
            try (java.sql.ResultSet row = details.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).as("call events carrying the number").isZero();
            }
        }
        assertThat(stableCallTotals()).as("the statistics' counts").isEqualTo(statsBefore);

        ApiClient.Answer again = admin.post("api/v1/privacy/erasures", "{\"caller\":\"" + number + "\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getInt("calls")).as("idempotent").isZero();
        assertThat(again.json().getInt("recordings")).isZero();

        JsonObject audit = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> admin.get("api/v1/audit?entityType=caller-data&limit=500").json().getJsonArray("items").stream()
                        .map(item -> item.asJsonObject())
                        .filter(item -> item.getJsonObject("summary").containsKey("deleted")
                                && item.getJsonObject("summary").getJsonObject("deleted").getInt("calls") == 1
                                && item.getString("entityId", "").endsWith(number.substring(number.length() - 2)))
                        .findFirst().orElse(null), found -> found != null);
        assertThat(audit.getString("action")).isEqualTo("DELETED");
        assertThat(audit.getString("actorName")).isEqualTo("admin@demo");
        assertThat(admin.get("api/v1/audit?entityType=caller-data&limit=500").body()).as("the audit log keeps no number").doesNotContain(number);
    }

    /** The demo tenant's call totals of today from the stats API, once two reads a second apart agree (the slice worker is idle). */
    private static JsonObject stableCallTotals() {
        ApiClient stats = ApiClient.as(URI.create(node.portalUrl() + "stats/"), "admin@demo", "demo-admin");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonObject[] last = {null};
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> {
                    ApiClient.Answer report = stats.get("api/v1/tenants/demo/reports/calls?from=" + today + "&to=" + today);
                    assertThat(report.status()).as(report.toString()).isEqualTo(200);
                    JsonObject totals = report.json().getJsonObject("totals");
                    boolean stable = totals.equals(last[0]);
                    last[0] = totals;
                    return stable ? totals : null;
                }, totals -> totals != null);
    }

    /** A finished call of demo's Support group answered by agent 1001, as the call path records one, with its recording's file name. */
    private static String recordedCall(String file) throws Exception {
        return recordedCall(file, "+4917000000");
    }

    private static String recordedCall(String file, String caller) throws Exception {
        String callId = "prompt-it-" + System.nanoTime();
        try (Connection db = node.database().connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO call_record (call_id, tenant_id, service_number, caller, group_id,"
                     + " agent_id, received_at, queued_at, answered_at, ended_at, outcome, recording_file) SELECT ?, t.id, '+4930500100',"
                     + " ?, g.id, a.id, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'ANSWERED', ?"
                     + " FROM tenant t JOIN acd_group g ON g.tenant_id = t.id JOIN agent a ON a.tenant_id = t.id"
                     + " WHERE t.tenant_key = 'demo' AND g.name = 'Support' AND a.extension = '1001'")) {
            insert.setString(1, callId);
            insert.setString(2, caller);
            insert.setString(3, file);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return callId;
    }

    /** A 440 Hz tone as WAV of 16-bit PCM, the same in every channel. */
    static byte[] wav(int rate, int channels, double seconds) {
        int frames = (int) (rate * seconds);
        int dataSize = frames * channels * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        for (int frame = 0; frame < frames; frame++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * frame / rate));
            for (int channel = 0; channel < channels; channel++) {
                wav.putShort(sample);
            }
        }
        return wav.array();
    }

    private static String text(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + body(response);
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
