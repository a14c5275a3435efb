package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live event stream of one real node: agent states, queue and call events from a real SIPp
 * caller, configuration changes; each subscriber sees only what its roles allow; a reconnect with
 * Last-Event-ID gets what it missed, or is told to resync.
 */
class EventStreamIT {

    private static final String HOTLINE = "+4930500100";

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private static URI api;
    private static ApiClient admin;

    @BeforeAll
    static void startNode() {
        node = TestNodes.apiAndStorageNode();
        api = URI.create(node.portalUrl());
        admin = ApiClient.as(api, "admin@demo", "demo-admin");
    }

    @AfterEach
    void agentsBackToLoggedOut() throws Exception {
        Sipp.stopAll();
        for (String extension : List.of("1001", "1002")) {
            admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\"}");
        }
    }

    @Test
    void anAgentsChangeReachesItsSupervisorsButNotOtherAgentsOrTenants() throws Exception {
        try (SseClient supervisor = SseClient.open(api, "supervisor@demo", "demo-supervisor");
             SseClient colleague = SseClient.open(api, "agent1002@demo", "demo-1002");
             SseClient acme = SseClient.open(api, "admin@acme", "acme-admin")) {
            assertThat(supervisor.status()).isEqualTo(200);
            supervisor.await(event -> event.name().equals("hello"), 10, "hello");
            colleague.await(event -> event.name().equals("hello"), 10, "hello");

            assertThat(ApiClient.as(api, "agent1001@demo", "demo-1001").put("api/v1/agents/1001/state", "{\"state\":\"READY\"}").status())
                    .isEqualTo(200);

            SseClient.Event state = supervisor.await(event -> event.name().equals("agent-state") && event.data().contains("\"1001\""),
                    10, "agent-state of 1001");
            assertThat(state.data()).contains("\"state\":\"READY\"", "\"tenant\":\"demo\"");
            assertThat(state.id()).matches(".+:\\d+");
            SseClient.Event queue = colleague.await(event -> event.name().equals("queue") && event.data().contains("\"group\":\"Support\""),
                    10, "Support's queue after 1001 went ready");
            assertThat(queue.data()).contains("\"READY\":1");

            assertThat(colleague.drain(500)).as("another agent's state is not for agent 1002")
                    .noneMatch(event -> event.name().equals("agent-state") && event.data().contains("\"1001\""));
            assertThat(acme.drain(200)).as("demo's events are not for acme")
                    .noneMatch(event -> event.data().contains("demo"));
        }
    }

    @Test
    void aQueuedCallerIsSeenEnteringAndLeavingTheQueue() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        try (SseClient supervisor = SseClient.open(api, "supervisor@demo", "demo-supervisor")) {
            supervisor.await(event -> event.name().equals("hello"), 10, "hello");

            Sipp.Result caller = sipp.run("caller-abandons.xml", 6692, List.of("-s", HOTLINE, "-m", "1", "-d", "2000", "-timeout", "30s"));
            assertThat(caller.exit()).as(sipp.errorLogs()).isZero();

            SseClient.Event queued = supervisor.await(event -> event.name().equals("call") && event.data().contains("QUEUED"), 10, "QUEUED");
            String callId = queued.data().replaceAll(".*\"callId\":\"([^\"]+)\".*", "$1");
            supervisor.await(event -> event.name().equals("queue") && event.data().contains("\"waiting\":1"), 10, "one waiting");
            supervisor.await(event -> event.name().equals("call") && event.data().contains("LEFT_QUEUE") && event.data().contains(callId),
                    10, "LEFT_QUEUE of " + callId);
            supervisor.await(event -> event.name().equals("queue") && event.data().contains("\"waiting\":0"),
                    SseClient.LAST_OF_BURST_SECONDS, "nobody waiting");
        }
    }

    @Test
    void anAgentsHelpRequestReachesItsSupervisorsOnly() throws Exception {
        try (SseClient supervisor = SseClient.open(api, "supervisor@demo", "demo-supervisor");
             SseClient colleague = SseClient.open(api, "agent1002@demo", "demo-1002")) {
            supervisor.await(event -> event.name().equals("hello"), 10, "hello");
            colleague.await(event -> event.name().equals("hello"), 10, "hello");
            ApiClient agent1001 = ApiClient.as(api, "agent1001@demo", "demo-1001");

            assertThat(agent1001.post("api/v1/agents/1001/help", "{\"message\":\"angry caller\"}").status()).isEqualTo(202);
            assertThat(agent1001.post("api/v1/agents/1002/help", "{}").status()).as("not in another's name").isEqualTo(403);

            SseClient.Event help = supervisor.await(event -> event.name().equals("help-request"), SseClient.LAST_OF_BURST_SECONDS, "help");
            assertThat(help.data()).contains("\"extension\":\"1001\"", "angry caller");
            assertThat(colleague.drain(500)).noneMatch(event -> event.name().equals("help-request"));
        }
    }

    @Test
    void aSupervisorHangsUpAWaitingCaller() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        ApiClient supervisor = ApiClient.as(api, "supervisor@demo", "demo-supervisor");
        try (SseClient events = SseClient.open(api, "supervisor@demo", "demo-supervisor")) {
            events.await(event -> event.name().equals("hello"), 10, "hello");
            Process caller = sipp.start("caller-ended-by-api.xml", 6693, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

            SseClient.Event queued = events.await(event -> event.name().equals("call") && event.data().contains("QUEUED"), 15, "QUEUED");
            String callId = queued.data().replaceAll(".*\"callId\":\"([^\"]+)\".*", "$1");
            ApiClient.Answer hangUp = supervisor.delete("api/v1/calls/" + callId);
            for (int attempt = 0; attempt < 25 && hangUp.status() == 404; attempt++) {
                Thread.sleep(200);
                hangUp = supervisor.delete("api/v1/calls/" + callId);
            }
            assertThat(hangUp.status()).as(hangUp.toString()).isEqualTo(202);

            assertThat(Sipp.await(caller, 30).exit()).as("the caller got 480: %s", sipp.errorLogs()).isZero();
            events.await(event -> event.name().equals("call") && event.data().contains("LEFT_QUEUE") && event.data().contains(callId),
                    SseClient.LAST_OF_BURST_SECONDS, "LEFT_QUEUE");
            String outcome = "";
            for (int attempt = 0; attempt < 25 && !outcome.equals("TERMINATED"); attempt++) {
                Thread.sleep(200);
                outcome = supervisor.get("api/v1/calls/" + callId).json().getString("outcome", "");
            }
            assertThat(outcome).isEqualTo("TERMINATED");
            assertThat(supervisor.get("api/v1/calls/" + callId).body()).contains("api:supervisor@demo");
            assertThat(supervisor.delete("api/v1/calls/" + callId).status()).as("already ended").isEqualTo(409);
        }
    }

    @Test
    void aReconnectGetsWhatItMissedOrIsToldToResync() throws Exception {
        String resumeFrom;
        try (SseClient first = SseClient.open(api, "admin@demo", "demo-admin")) {
            resumeFrom = first.await(event -> event.name().equals("hello"), 10, "hello").id();
        }
        assertThat(admin.put("api/v1/agents/1002/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
        assertThat(admin.post("api/v1/skills", "{\"name\":\"Spanish\"}").status()).isEqualTo(201);

        try (SseClient resumed = SseClient.resume(api, "admin@demo", "demo-admin", resumeFrom)) {
            resumed.await(event -> event.name().equals("agent-state") && event.data().contains("\"1002\""), 10, "missed agent-state");
            SseClient.Event config = resumed.await(event -> event.name().equals("config"), SseClient.LAST_OF_BURST_SECONDS,
                    "missed config event");
            assertThat(config.data()).contains("\"kind\":\"skill\"");
            assertThat(resumed.seen()).noneMatch(event -> event.name().equals("resync"));
        }
        try (SseClient elsewhere = SseClient.resume(api, "admin@demo", "demo-admin", "some-other-node:12")) {
            elsewhere.await(event -> event.name().equals("resync"), 10, "resync");
        }
    }

    @Test
    void aWebhookGetsSignedEventsAndIsRetriedUntilItAnswers() throws Exception {
        java.util.concurrent.BlockingQueue<Map<String, String>> deliveries = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            deliveries.add(Map.of("body", body, "signature", exchange.getRequestHeaders().getFirst("X-Verbund-Signature"),
                    "delivery", exchange.getRequestHeaders().getFirst("X-Verbund-Delivery"),
                    "event", exchange.getRequestHeaders().getFirst("X-Verbund-Event")));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            assertThat(admin.post("api/v1/webhooks", "{\"name\":\"ftp\",\"url\":\"ftp://example.org\",\"events\":[\"*\"]}").status())
                    .isEqualTo(422);
            ApiClient.Answer created = admin.post("api/v1/webhooks", "{\"name\":\"crm\",\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\",\"events\":[\"agent-state\"]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String secret = created.json().getString("secret");
            assertThat(admin.get("api/v1/webhooks").body()).doesNotContain(secret);

            assertThat(admin.put("api/v1/agents/1003/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);

            Map<String, String> first = deliveries.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).as("first delivery").isNotNull();
            assertThat(first.get("event")).isEqualTo("agent-state");
            assertThat(first.get("body")).contains("\"extension\":\"1003\"", "\"state\":\"READY\"", "\"tenant\":\"demo\"");
            assertThat(verify(secret, first.get("signature"), first.get("body"))).as("signed with the webhook's secret").isTrue();
            Map<String, String> retry = deliveries.poll(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(retry).as("retried after the 503").isNotNull();
            assertThat(retry.get("delivery")).isEqualTo(first.get("delivery"));
            assertThat(retry.get("body")).isEqualTo(first.get("body"));

            long id = created.json().getJsonNumber("id").longValue();
            for (int i = 0; i < 20 && !admin.get("api/v1/webhooks/" + id).body().contains("HTTP 204"); i++) {
                Thread.sleep(200);
            }
            assertThat(admin.get("api/v1/webhooks/" + id).json().getString("lastStatus")).contains("HTTP 204", "attempt 2");
        } finally {
            receiver.stop(0);
            admin.put("api/v1/agents/1003/state", "{\"state\":\"LOGGED_OUT\"}");
        }
    }

    /** What an integrator does with X-Verbund-Signature: t=…,v1=hex(HMAC-SHA256(secret, t + "." + body)). */
    private static boolean verify(String secret, String header, String body) throws Exception {
        String t = header.replaceAll(".*t=(\\d+).*", "$1");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return header.endsWith("v1=" + expected);
    }

    @Test
    void theStreamNeedsCredentialsAndTokensNeedTheEventsScope() throws Exception {
        Map<String, String> stream = Map.of("Accept", "text/event-stream");
        assertThat(ApiClient.anonymous(api).send("GET", "api/v1/events", null, stream).status()).isEqualTo(401);
        String token = admin.post("api/v1/api-tokens", "{\"name\":\"no-events\",\"scopes\":[\"config:read\"]}").json().getString("token");
        assertThat(ApiClient.withToken(api, token).send("GET", "api/v1/events", null, stream).status()).isEqualTo(403);
    }
}
