package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration API of one real node with the demo tenants: create, read, replace and remove
 * through HTTP and MariaDB, the problems a client gets for bad input and stale versions, the
 * browser's session with its CSRF token, and API tokens with their scopes. Each test makes its own
 * things under unique names, so the order does not matter.
 */
class ConfigurationApiIT {

    private static final int PORT_OFFSET = 1100;
    private static final int ACCOUNT_FAILURES = 12;

    @TempDir
    static Path homeFolder;

    private static DemoNode node;
    private static URI api;
    private static ApiClient admin;
    private static ApiClient supervisor;
    private static ApiClient agent;

    @BeforeAll
    static void startNode() {
        // A short lockout, so the login throttle's test sees the right password work again.
        // 12 failures from anywhere lock an account for the addresses it is not used from (50 by default).
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, Map.of("verbund.login.lockout", "PT10S",
                "verbund.login.account-failures", Integer.toString(ACCOUNT_FAILURES)));
        api = URI.create(node.portalUrl());
        admin = ApiClient.as(api, "admin@demo", "demo-admin");
        supervisor = ApiClient.as(api, "supervisor@demo", "demo-supervisor");
        agent = ApiClient.as(api, "agent1001@demo", "demo-1001");
    }

    @AfterAll
    static void stopNode() {
        TestNodes.stopNode(node);
    }

    @Test
    void anAdminCreatesReadsReplacesAndRemovesAGroup() {
        ApiClient.Answer created = admin.post("api/v1/groups", """
                {"name":"Billing","strategy":"RING_ALL","ringTimeSeconds":20,"members":[{"extension":"1004","penalty":1},{"extension":"1005"}],
                 "skillRequirements":[{"skill":"sales","minProficiency":2}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).matches(".*/api/v1/groups/\\d+");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonObject group = created.json();
        String path = "api/v1/groups/" + group.getJsonNumber("id").longValue();
        assertThat(group.getString("strategy")).isEqualTo("RING_ALL");
        assertThat(group.getJsonArray("members").toString()).contains("\"extension\":\"1004\"", "\"penalty\":1", "\"extension\":\"1005\"");
        assertThat(group.getJsonArray("skillRequirements").getJsonObject(0).getString("skill")).isEqualTo("sales");

        ApiClient.Answer read = supervisor.get(path);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().getString("name")).isEqualTo("Billing");
        ApiClient.Answer listed = admin.get("api/v1/groups?q=bill");
        assertThat(listed.json().getJsonArray("items")).extracting(item -> item.asJsonObject().getString("name")).containsExactly("Billing");

        ApiClient.Answer replaced = admin.put(path, """
                {"name":"Billing","strategy":"LONGEST_IDLE","members":[{"extension":"1004"}],"version":0}""");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().getInt("version")).isEqualTo(1);
        assertThat(replaced.json().getJsonArray("members")).hasSize(1);
        assertThat(replaced.json().getJsonArray("skillRequirements")).isEmpty();

        ApiClient.Answer removed = admin.delete(path);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(admin.get(path).status()).isEqualTo(404);
    }

    @Test
    void theAuditLogShowsWhoChangedWhatWhenAndFromWhere() {
        Instant start = Instant.now().minusSeconds(5);
        long id = admin.post("api/v1/groups", "{\"name\":\"Audited\",\"wrapUpSeconds\":30}").json().getJsonNumber("id").longValue();
        ApiClient.Answer changed = admin.put("api/v1/groups/" + id, "{\"name\":\"Audited\",\"wrapUpSeconds\":45,\"version\":0}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        ApiClient.Answer user = admin.post("api/v1/users", """
                {"login":"audited@demo","displayName":"Audited","password":"very-secret-pass-1","roles":["AGENT"]}""");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);

        // Journaled on the node, on the master a moment later.
        JsonObject entry = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> auditEntry(admin, "entityType=group", Long.toString(id), "CHANGED"), found -> found != null);
        assertThat(entry.getString("actorName")).isEqualTo("admin@demo");
        assertThat(entry.getString("actorKind")).isEqualTo("USER");
        assertThat(entry.getString("actorRoles")).contains("TENANT_ADMIN");
        assertThat(entry.getString("tenant")).isEqualTo("demo");
        assertThat(Instant.parse(entry.getString("occurredAt"))).isBetween(start, Instant.now().plusSeconds(5));
        assertThat(entry.getString("clientAddress")).matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
        JsonObject wrapUp = entry.getJsonObject("summary").getJsonObject("changed").getJsonObject("wrapUpSeconds");
        assertThat(wrapUp.getInt("from")).isEqualTo(30);
        assertThat(wrapUp.getInt("to")).isEqualTo(45);
        assertThat(entry.getJsonObject("summary").getJsonObject("changed").keySet()).containsExactly("wrapUpSeconds");
        assertThat(auditEntry(admin, "entityType=group", Long.toString(id), "CREATED")).isNotNull();

        JsonObject userEntry = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> auditEntry(admin, "entityType=user", null, "CREATED"), found -> found != null
                        && found.toString().contains("audited@demo"));
        assertThat(userEntry.getJsonObject("summary").getJsonArray("secretsSet").getString(0)).isEqualTo("password");
        assertThat(admin.get("api/v1/audit?entityType=user").body()).doesNotContain("very-secret-pass-1");

        assertThat(agent.get("api/v1/audit").status()).as("an agent").isEqualTo(403);
        assertThat(supervisor.get("api/v1/audit").status()).as("a supervisor").isEqualTo(403);
        ApiClient.Answer acme = ApiClient.as(api, "admin@acme", "acme-admin").get("api/v1/audit?limit=500");
        assertThat(acme.status()).as(acme.toString()).isEqualTo(200);
        assertThat(acme.body()).as("another tenant's admin").doesNotContain("admin@demo");
        ApiClient.Answer system = ApiClient.as(api, "sysadmin", "system-admin").get("api/v1/audit?entityType=group&limit=500");
        assertThat(system.body()).as("the system admin reads every tenant").contains("\"entityId\":\"" + id + "\"");

        ApiClient.Answer badFrom = admin.get("api/v1/audit?from=yesterday");
        assertThat(badFrom.status()).as(badFrom.toString()).isEqualTo(422);
        assertThat(badFrom.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badFrom.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("from");
        assertThat(admin.get("api/v1/audit?limit=0").status()).isEqualTo(400);
    }

    /** The newest audit entry the client reads with these filters for that entity (any, when null) and action; null if none. */
    private static JsonObject auditEntry(ApiClient client, String filters, String entityId, String action) {
        ApiClient.Answer answer = client.get("api/v1/audit?limit=500&" + filters);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getJsonArray("items").stream().map(item -> item.asJsonObject())
                .filter(item -> action.equals(item.getString("action")))
                .filter(item -> entityId == null || entityId.equals(item.getString("entityId", null)))
                .findFirst().orElse(null);
    }

    @Test
    void twoAdminsCannotSilentlyOverwriteEachOther() {
        long id = admin.post("api/v1/groups", "{\"name\":\"Contested\"}").json().getJsonNumber("id").longValue();
        String path = "api/v1/groups/" + id;
        ApiClient.Answer first = admin.put(path, "{\"name\":\"Contested\",\"wrapUpSeconds\":30,\"version\":0}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        ApiClient.Answer stale = admin.put(path, "{\"name\":\"Contested\",\"wrapUpSeconds\":60,\"version\":0}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().getString("detail")).contains("version 1", "version 0");

        ApiClient.Answer ifMatch = admin.send("PUT", path, "{\"name\":\"Contested\",\"wrapUpSeconds\":60,\"version\":1}", Map.of("If-Match", "\"0\""));
        assertThat(ifMatch.status()).as(ifMatch.toString()).isEqualTo(412);
        assertThat(admin.get(path).json().getInt("wrapUpSeconds")).isEqualTo(30);

        ApiClient.Answer noVersion = admin.put(path, "{\"name\":\"Contested\"}");
        assertThat(noVersion.status()).as(noVersion.toString()).isEqualTo(422);
        assertThat(noVersion.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("version");
    }

    @Test
    void invalidFieldsAreNamedOneByOne() {
        ApiClient.Answer answer = admin.post("api/v1/groups", """
                {"name":"","strategy":"FASTEST","ringTimeSeconds":0}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().getJsonArray("errors")).extracting(error -> error.asJsonObject().getString("field"))
                .containsExactly("name", "ringTimeSeconds", "strategy");

        ApiClient.Answer unknownMember = admin.post("api/v1/groups", "{\"name\":\"Ghosts\",\"members\":[{\"extension\":\"1001\"},{\"extension\":\"9999\"}]}");
        assertThat(unknownMember.status()).as(unknownMember.toString()).isEqualTo(422);
        assertThat(unknownMember.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("members[1].extension");

        ApiClient.Answer duplicate = admin.post("api/v1/groups", "{\"name\":\"Support\"}");
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(422);
        assertThat(duplicate.json().getString("detail")).contains("already has an ACD group named 'Support'");

        ApiClient.Answer notJson = admin.post("api/v1/groups", "{\"name\":");
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
        assertThat(notJson.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void problemsAreWordedInTheLanguageTheClientAsksForTheFieldsNamedAsEver() {
        String invalid = "{\"name\":\"\",\"strategy\":\"FASTEST\",\"ringTimeSeconds\":0}";
        ApiClient.Answer german = admin.send("POST", "api/v1/groups", invalid, Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.8"));
        assertThat(german.status()).as(german.toString()).isEqualTo(422);
        assertThat(german.header("Content-Language")).isEqualTo("de");
        assertThat(german.json().getString("title")).isEqualTo("Ungültige Felder");
        assertThat(german.json().getString("type")).isEqualTo("urn:verbund-acd:problem:invalid-fields");
        assertThat(messagesByField(german)).containsOnlyKeys("name", "ringTimeSeconds", "strategy");
        assertThat(messagesByField(german).get("name")).isEqualTo("darf nicht leer sein");
        assertThat(messagesByField(german).get("ringTimeSeconds")).startsWith("muss").contains("1");
        assertThat(messagesByField(german).get("strategy")).startsWith("muss eine von LONGEST_IDLE");

        for (Map<String, String> english : java.util.List.of(Map.of("Accept-Language", "en"), Map.<String, String>of(),
                Map.of("Accept-Language", "fr-FR, en;q=0.5"))) {
            ApiClient.Answer answer = admin.send("POST", "api/v1/groups", invalid, english);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
            assertThat(answer.json().getString("title")).as("%s", english).isEqualTo("Invalid fields");
            assertThat(messagesByField(answer).get("name")).as("%s", english).isEqualTo("must not be blank");
            assertThat(messagesByField(answer).get("strategy")).as("%s", english).startsWith("must be one of LONGEST_IDLE");
        }

        // A message the service words itself, and one of the generic mappers.
        ApiClient.Answer duplicate = admin.send("POST", "api/v1/groups", "{\"name\":\"Support\"}", Map.of("Accept-Language", "de"));
        assertThat(messagesByField(duplicate).get("name")).isEqualTo("der Mandant hat schon eine ACD-Gruppe namens 'Support'");
        long support = admin.get("api/v1/groups?q=Support").json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        ApiClient.Answer noVersion = admin.send("PUT", "api/v1/groups/" + support, "{\"name\":\"Support\"}", Map.of("Accept-Language", "de"));
        assertThat(messagesByField(noVersion).get("version")).isEqualTo("muss die Version nennen, von der die Änderung ausging");
        ApiClient.Answer notJson = admin.send("POST", "api/v1/groups", "{\"name\":", Map.of("Accept-Language", "de"));
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
        assertThat(notJson.json().getString("detail")).startsWith("Der Inhalt der Anfrage ist kein gültiges JSON");
        assertThat(admin.send("POST", "api/v1/groups", "{\"name\":", Map.of()).json().getString("detail"))
                .startsWith("The request body is not valid JSON");

        // A refusal (403) is worded too.
        ApiClient agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
        ApiClient.Answer refusedGerman = agent.send("GET", "api/v1/groups", null, Map.of("Accept-Language", "de"));
        assertThat(refusedGerman.status()).as(refusedGerman.toString()).isEqualTo(403);
        assertThat(refusedGerman.json().getString("detail")).startsWith("Benutzer agent1001@demo darf die Konfiguration des Mandanten")
                .contains("nicht lesen");
        assertThat(agent.send("GET", "api/v1/groups", null, Map.of("Accept-Language", "en")).json().getString("detail"))
                .startsWith("User agent1001@demo may not read the configuration of tenant");
        ApiClient.Answer forAnother = agent.send("POST", "api/v1/calls", "{\"number\":\"+4940123456\",\"agentId\":\"1002\"}",
                Map.of("Accept-Language", "de"));
        assertThat(forAnother.status()).as(forAnother.toString()).isEqualTo(403);
        assertThat(forAnother.json().getString("detail")).isEqualTo("Benutzer agent1001@demo ruft nur selbst an, nicht für Agent 1002");
    }

    private static Map<String, String> messagesByField(ApiClient.Answer answer) {
        return answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(java.util.stream.Collectors.toMap(error -> error.getString("field"), error -> error.getString("message")));
    }

    @Test
    void rolesDecideWhoReadsAndWhoChanges() {
        assertThat(supervisor.post("api/v1/groups", "{\"name\":\"Nope\"}").status()).isEqualTo(403);
        assertThat(agent.get("api/v1/groups").status()).isEqualTo(403);
        assertThat(agent.get("api/v1/users").status()).isEqualTo(403);
        assertThat(supervisor.get("api/v1/users").status()).isEqualTo(403);
        assertThat(ApiClient.as(api, "sysadmin", "system-admin").get("api/v1/groups?tenant=acme").json()
                .getJsonArray("items")).extracting(item -> item.asJsonObject().getString("name")).containsExactly("Service");
    }

    @Test
    void aCallFlowIsCheckedBeforeItIsPublishedAndEveryChangeIsANewVersion() {
        String graph = """
                {"start":"hello","nodes":[
                  {"id":"hello","type":"announcement","parameters":{"prompt":"welcome"},"exits":{"next":"queue"}},
                  {"id":"queue","type":"queue","parameters":{"group":"Support"},"exits":{}}]}""";
        ApiClient.Answer created = admin.post("api/v1/call-flows", "{\"name\":\"Weekend\",\"graph\":" + graph + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "api/v1/call-flows/" + created.json().getJsonNumber("id").longValue();
        assertThat(created.json().getInt("currentVersion")).isEqualTo(1);
        int lock = created.json().getInt("version");

        ApiClient.Answer broken = admin.put(path, """
                {"name":"Weekend","version":%d,"graph":{"start":"hello","nodes":[
                  {"id":"hello","type":"announcement","parameters":{"prompt":"no-such-prompt"},"exits":{"next":"queue"}},
                  {"id":"queue","type":"queue","parameters":{"group":"Nobody"},"exits":{"timeout":"gone"}},
                  {"id":"island","type":"hangup","parameters":{},"exits":{}}]}}""".formatted(lock));
        assertThat(broken.status()).as(broken.toString()).isEqualTo(422);
        assertThat(broken.json().getJsonArray("errors")).extracting(error -> error.asJsonObject().getString("field"))
                .contains("graph.nodes.hello.parameters.prompt", "graph.nodes.queue.parameters.group", "graph.nodes.queue.exits.timeout");
        assertThat(broken.json().getString("detail")).contains("\"island\"", "no-such-prompt", "Nobody");
        assertThat(admin.get(path).json().getInt("currentVersion")).isEqualTo(1);

        ApiClient.Answer changed = admin.put(path, """
                {"name":"Weekend","version":%d,"graph":{"start":"queue","nodes":[
                  {"id":"queue","type":"queue","parameters":{"group":"Sales","priority":"3"},"exits":{}}]}}""".formatted(lock));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getInt("currentVersion")).isEqualTo(2);
        assertThat(changed.json().getJsonObject("graph").getString("start")).isEqualTo("queue");
        assertThat(admin.get(path + "/versions").body()).contains("\"version\":2", "\"version\":1", "admin@demo");

        ApiClient.Answer rolledBack = admin.post(path + "/versions/1/activate", null);
        assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
        assertThat(rolledBack.json().getInt("currentVersion")).isEqualTo(1);
        assertThat(rolledBack.json().getJsonObject("graph").getString("start")).isEqualTo("hello");

        ApiClient.Answer check = admin.post("api/v1/call-flows/check", "{\"graph\":{\"start\":\"x\",\"nodes\":[]}}");
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.json().getBoolean("valid")).isFalse();
    }

    @Test
    void aServiceNumberLeadsIntoACallFlowThatThenCannotBeRemoved() {
        long flow = admin.post("api/v1/call-flows", """
                {"name":"Press","graph":{"start":"q","nodes":[{"id":"q","type":"queue","parameters":{"group":"Support"},"exits":{}}]}}""")
                .json().getJsonNumber("id").longValue();
        ApiClient.Answer number = admin.post("api/v1/service-numbers", "{\"number\":\"+4930500999\",\"label\":\"Press\",\"callFlow\":\"Press\"}");
        assertThat(number.status()).as(number.toString()).isEqualTo(201);
        assertThat(number.json().getString("callFlow")).isEqualTo("Press");

        ApiClient.Answer inUse = admin.delete("api/v1/call-flows/" + flow);
        assertThat(inUse.status()).as(inUse.toString()).isEqualTo(409);
        assertThat(inUse.json().getString("detail")).contains("+4930500999");

        ApiClient.Answer taken = ApiClient.as(api, "admin@acme", "acme-admin").post("api/v1/service-numbers", "{\"number\":\"+4930500999\"}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(422);
        assertThat(taken.body()).doesNotContain("demo");
        ApiClient.Answer malformed = admin.post("api/v1/service-numbers", "{\"number\":\"030 500\"}");
        assertThat(malformed.status()).isEqualTo(422);

        assertThat(admin.delete("api/v1/service-numbers/" + number.json().getJsonNumber("id").longValue()).status()).isEqualTo(204);
        assertThat(admin.delete("api/v1/call-flows/" + flow).status()).isEqualTo(204);
    }

    @Test
    void anAdminCreatesAUserWhoCanThenLogIn() {
        ApiClient.Answer created = admin.post("api/v1/users", """
                {"login":"lead@demo","displayName":"Team Lead","password":"lead-secret-1","locale":"en",
                 "roles":["SUPERVISOR"],"supervisedGroups":["Sales"]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("lead-secret-1").contains("\"supervisedGroups\":[\"Sales\"]");
        assertThat(ApiClient.as(api, "lead@demo", "lead-secret-1").get("api/v1/groups").status()).isEqualTo(200);

        ApiClient.Answer escalate = admin.post("api/v1/users", """
                {"login":"boss@demo","displayName":"Boss","password":"boss-secret-1","roles":["SYSTEM_ADMIN"]}""");
        assertThat(escalate.status()).as(escalate.toString()).isEqualTo(422);
        ApiClient.Answer foreign = admin.post("api/v1/users", """
                {"login":"spy@acme","displayName":"Spy","password":"spy-secret-1","roles":["AGENT"]}""");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(422);

        long self = admin.get("api/v1/users?q=admin@demo").json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(admin.delete("api/v1/users/" + self).status()).isEqualTo(409);
    }

    @Test
    void anApiTokenWorksWithinItsScopesUntilRevoked() {
        ApiClient.Answer created = admin.post("api/v1/api-tokens", "{\"name\":\"crm\",\"scopes\":[\"config:read\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().getString("token");
        assertThat(secret).startsWith("vbd_");
        assertThat(admin.get("api/v1/api-tokens").body()).doesNotContain(secret).contains(secret.substring(0, 12));

        ApiClient crm = ApiClient.withToken(api, secret);
        assertThat(crm.get("api/v1/groups").status()).isEqualTo(200);
        ApiClient.Answer write = crm.post("api/v1/groups", "{\"name\":\"ByToken\"}");
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(write.json().getString("detail")).contains("config:write");
        assertThat(crm.get("api/v1/api-tokens").status()).as("a token never manages tokens").isEqualTo(403);

        ApiClient.Answer badScope = admin.post("api/v1/api-tokens", "{\"name\":\"odd\",\"scopes\":[\"everything\"]}");
        assertThat(badScope.status()).isEqualTo(422);

        ApiClient.Answer unused = admin.post("api/v1/api-tokens", "{\"name\":\"short-lived\",\"scopes\":[\"config:read\"]}");
        ApiClient.Answer revoked = admin.delete("api/v1/api-tokens/" + unused.json().getJsonNumber("id").longValue());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().containsKey("revokedAt")).isTrue();
        assertThat(ApiClient.withToken(api, unused.json().getString("token")).get("api/v1/groups").status()).isEqualTo(401);
        assertThat(ApiClient.withToken(api, "vbd_" + "x".repeat(43)).get("api/v1/groups").status()).isEqualTo(401);
    }

    @Test
    void theBrowserLogsInWithASessionWhoseChangesNeedTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = send(browser, "POST", "api/v1/session", "{\"login\":\"admin@demo\",\"password\":\"demo-admin\"}", Map.of());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("VERBUND_SESSION=", "HttpOnly", "SameSite=Strict");
        String csrf = TestNodes.json(login.body()).getString("csrfToken");
        assertThat(TestNodes.json(login.body()).getJsonArray("roles").toString()).contains("TENANT_ADMIN");

        assertThat(send(browser, "GET", "api/v1/groups", null, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> withoutToken = send(browser, "POST", "api/v1/groups", "{\"name\":\"Session\"}", Map.of());
        assertThat(withoutToken.statusCode()).as(withoutToken.body()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("X-CSRF-Token");
        HttpResponse<String> withToken = send(browser, "POST", "api/v1/groups", "{\"name\":\"Session\"}", Map.of("X-CSRF-Token", csrf));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        assertThat(send(browser, "DELETE", "api/v1/session", null, Map.of("X-CSRF-Token", csrf)).statusCode()).isEqualTo(204);
        HttpResponse<String> after = send(browser, "GET", "api/v1/groups", null, Map.of("X-Requested-With", "verbund-app"));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate").orElse("")).as("no Basic dialog in the browser").doesNotContain("Basic");
    }

    @Test
    void basicPasswordGuessingIsLockedOutWithoutCheckingAndTheRightPasswordWorksAfterTheWait() {
        // From 127.0.0.2: the per-address count this test adds never touches the other tests' 127.0.0.1.
        RawHttp client = new RawHttp(api, "127.0.0.2");
        int refused = 0;
        RawHttp.Answer last = null;
        for (int i = 0; i < 30; i++) {
            last = client.send("GET", "api/v1/session", Map.of("Authorization", basic("agent1009@demo", "guess-" + i)), null);
            if (last.status() == 401) {
                refused++;
            } else {
                assertThat(last.status()).as(last.toString()).isEqualTo(429);
            }
        }
        assertThat(refused).as("10 failures per account and address, then locked").isEqualTo(10);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 10L);

        RawHttp.Answer right = client.send("GET", "api/v1/session", Map.of("Authorization", basic("agent1009@demo", "demo-1009")), null);
        assertThat(right.status()).as("the right password is refused during the lockout too").isEqualTo(429);
        RawHttp.Answer session = client.send("POST", "api/v1/session", Map.of("Content-Type", "application/json"),
                "{\"login\":\"AGENT1009@demo\",\"password\":\"demo-1009\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(session.status()).as("the session login shares the count, whatever the case of the login: %s", session).isEqualTo(429);
        HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(sendQuietly(browser, "POST", "api/v1/session", "{\"login\":\"agent1009@demo\",\"password\":\"demo-1009\"}").statusCode())
                .as("the owner from another address is not locked out by the guessing").isEqualTo(200);
        JsonObject lockout = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> auditEntry(admin, "entityType=login", "agent1009@demo", "SECURITY"), found -> found != null);
        assertThat(lockout.getString("clientAddress")).as("the tenant's admins see where the guessing came from").isEqualTo("127.0.0.2");
        assertThat(lockout.getJsonObject("summary").getInt("failures")).isEqualTo(10);
        assertThat(lockout.getJsonObject("summary").getString("scope")).isEqualTo("this-address");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(client.send("GET", "api/v1/session", Map.of("Authorization", basic("agent1009@demo", "demo-1009")), null)
                        .status()).isEqualTo(200));
    }

    @Test
    void guessingOneAccountFromManyAddressesLocksItOnlyForAddressesItIsNotUsedFrom() {
        RawHttp owner = new RawHttp(api, "127.0.0.4");
        assertThat(owner.send("GET", "api/v1/session", Map.of("Authorization", basic("agent1008@demo", "demo-1008")), null).status())
                .as("the owner logs in from its usual address").isEqualTo(200);
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            RawHttp bot = new RawHttp(api, "127.0.0." + (5 + i % 2));
            RawHttp.Answer guess = bot.send("GET", "api/v1/session", Map.of("Authorization", basic("agent1008@demo", "guess-" + i)), null);
            assertThat(guess.status()).as("guess %d, under the per-address limits: %s", i, guess).isEqualTo(401);
        }
        RawHttp.Answer stranger = new RawHttp(api, "127.0.0.7").send("GET", "api/v1/session",
                Map.of("Authorization", basic("agent1008@demo", "demo-1008")), null);
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(429);
        assertThat(stranger.body()).contains("not used from");
        assertThat(stranger.header("Retry-After")).isNotBlank();
        assertThat(owner.send("GET", "api/v1/session", Map.of("Authorization", basic("agent1008@demo", "demo-1008")), null).status())
                .as("the owner's known address still gets in").isEqualTo(200);
        JsonObject lockout = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> auditEntry(admin, "entityType=login", "agent1008@demo", "SECURITY"), found -> found != null);
        assertThat(lockout.getJsonObject("summary").getString("scope")).isEqualTo("unknown-addresses");
    }

    @Test
    void aForgedForwardedForDoesNotEscapeThePerAddressLimit() {
        // From 127.0.0.3, not a trusted proxy: its X-Forwarded-For is a lie the node must ignore.
        RawHttp client = new RawHttp(api, "127.0.0.3");
        for (int i = 0; i < 30; i++) {
            RawHttp.Answer answer = client.send("GET", "api/v1/session", Map.of("Authorization", basic("nobody" + i + "@demo", "guess"),
                    "X-Forwarded-For", "198.51.100." + i), null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        }
        RawHttp.Answer locked = client.send("GET", "api/v1/session", Map.of("Authorization", basic("admin@demo", "demo-admin"),
                "X-Forwarded-For", "198.51.100.200"), null);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.body()).contains("from your address");
        assertThat(admin.get("api/v1/session").status()).as("other addresses go on").isEqualTo(200);
    }

    @Test
    void aTokenLosesItsPowerWhenItsCreatorIsDemoted() {
        ApiClient.Answer boss = admin.post("api/v1/users", """
                {"login":"tokenboss@demo","displayName":"Token Boss","password":"token-boss-1","roles":["TENANT_ADMIN"]}""");
        assertThat(boss.status()).as(boss.toString()).isEqualTo(201);
        ApiClient.Answer created = ApiClient.as(api, "tokenboss@demo", "token-boss-1").post("api/v1/api-tokens",
                "{\"name\":\"boss-crm\",\"scopes\":[\"config:read\",\"config:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient crm = ApiClient.withToken(api, created.json().getString("token"));
        ApiClient.Answer before = crm.post("api/v1/groups", "{\"name\":\"BossTokenBefore\"}");
        assertThat(before.status()).as(before.toString()).isEqualTo(201);

        ApiClient.Answer demoted = admin.put("api/v1/users/" + boss.json().getJsonNumber("id").longValue(), """
                {"login":"tokenboss@demo","displayName":"Token Boss","roles":["AGENT"],"version":%d}"""
                .formatted(boss.json().getInt("version")));
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        // A token is trusted for 30 s per node (TokenAuthenticator.TIME_TO_LIVE), then read again.
        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(crm.get("api/v1/groups").status()).isEqualTo(403));
        ApiClient.Answer after = crm.post("api/v1/groups", "{\"name\":\"BossTokenAfter\"}");
        assertThat(after.status()).as(after.toString()).isEqualTo(403);
    }

    @Test
    void anOversizedLoginIsRefusedBeforeAnyPasswordCheck() {
        // The right login and password, padded with JSON whitespace: were it read, it would log in.
        String login = "{\"login\":\"admin@demo\",\"password\":\"demo-admin\"}" + " ".repeat(8 * 1024);
        RawHttp client = new RawHttp(api, "127.0.0.4");
        RawHttp.Answer refused = client.send("POST", "api/v1/session", Map.of("Content-Type", "application/json"),
                login.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Set-Cookie")).as("no session was started").isNull();
        assertThat(refused.body()).contains("at most 4096 bytes");

        RawHttp.Answer small = client.send("POST", "api/v1/session", Map.of("Content-Type", "application/json"),
                login.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(small.status()).as(small.toString()).isEqualTo(200);

        String bigGroup = "{\"name\":\"Huge\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        RawHttp.Answer huge = new RawHttp(api, "127.0.0.1").send("POST", "api/v1/groups", Map.of("Content-Type", "application/json",
                "Authorization", basic("admin@demo", "demo-admin")), bigGroup.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(huge.status()).as("the JSON API takes at most 1 MiB").isEqualTo(413);
    }

    @Test
    void everyServiceSendsTheSecurityHeadersOnAnswersAndOn404s() {
        RawHttp client = new RawHttp(api, "127.0.0.1");
        for (String path : java.util.List.of("api/v1/health", "stats/health", "storage/health", "telephony/health",
                "api/v1/no-such-thing", "stats/no-such-thing", "storage/no-such-thing", "telephony/no-such-thing")) {
            RawHttp.Answer answer = client.send("GET", path, Map.of(), null);
            assertThat(answer.status()).as(path + ": " + answer).isIn(200, 404);
            assertThat(answer.status() == 404).as(path).isEqualTo(path.endsWith("no-such-thing"));
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(answer.header("Cache-Control")).as(path).contains("no-store");
            String cookie = answer.header("Set-Cookie");
            if (cookie != null) {
                assertThat(cookie).as(path).contains("HttpOnly", "SameSite=Strict");
            }
        }
    }

    private static String basic(String login, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((login + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> sendQuietly(HttpClient client, String method, String path, String json) {
        try {
            return send(client, method, path, json, Map.of());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNextCallFollowsAChangedCallFlowAndStrategy() throws Exception {
        JsonObject hotline = admin.get("api/v1/call-flows?q=Hotline").json().getJsonArray("items").getJsonObject(0);
        String flowPath = "api/v1/call-flows/" + hotline.getJsonNumber("id").longValue();
        JsonObject sales = admin.get("api/v1/groups?q=Sales").json().getJsonArray("items").getJsonObject(0);
        String salesPath = "api/v1/groups/" + sales.getJsonNumber("id").longValue();
        Path sippFolder = java.nio.file.Files.createTempDirectory(homeFolder, "sipp");
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        try {
            sipp.registerAgent(1006, "demo-1006", 7606);
            Process phone = sipp.start("agent-answer.xml", 7606, java.util.List.of("-m", "1", "-d", "200", "-timeout", "60s"));
            assertThat(admin.put("api/v1/agents/1006/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);

            ApiClient.Answer strategy = admin.put(salesPath, jakarta.json.Json.createObjectBuilder(sales).add("strategy", "RING_ALL")
                    .add("crmUrlTemplate", "https://crm.example.org/s?phone={caller}").build().toString());
            assertThat(strategy.status()).as(strategy.toString()).isEqualTo(200);
            ApiClient.Answer flow = admin.put(flowPath, """
                    {"name":"Hotline","version":%d,"graph":{"start":"sales","nodes":[
                      {"id":"sales","type":"queue","parameters":{"group":"Sales"},"exits":{}}]}}"""
                    .formatted(admin.get(flowPath).json().getInt("version")));
            assertThat(flow.status()).as(flow.toString()).isEqualTo(200);

            Sipp.Result caller = sipp.run("caller.xml", 7690, java.util.List.of("-s", "+4930500100", "-m", "1", "-timeout", "60s"));
            assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
            assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();

            JsonObject call = awaitAnsweredCall();
            assertThat(call.getString("group")).as("the new call flow queued it in Sales").isEqualTo("Sales");
            assertThat(call.getString("agent")).isEqualTo("1006");
            assertThat(call.getJsonArray("steps").toString()).as("offered by the new strategy").contains("ring all: 1006");
            assertThat(call.getString("crmUrl")).as("the group's CRM link, filled in").startsWith("https://crm.example.org/s?phone=%2B49");
        } finally {
            Sipp.stopAll();
            admin.put("api/v1/agents/1006/state", "{\"state\":\"LOGGED_OUT\"}");
            JsonObject now = admin.get(flowPath).json();
            admin.post(flowPath + "/versions/" + hotline.getInt("currentVersion") + "/activate", null);
            JsonObject group = admin.get(salesPath).json();
            admin.put(salesPath, group.toString().replace("\"RING_ALL\"", "\"SKILLS_BASED\""));
            assertThat(now.getInt("currentVersion")).isGreaterThan(hotline.getInt("currentVersion"));
        }
    }

    @Test
    void aForcedDispositionKeepsTheAgentInWrapUpUntilItIsGiven() throws Exception {
        JsonObject support = admin.get("api/v1/groups?q=Support").json().getJsonArray("items").getJsonObject(0);
        String supportPath = "api/v1/groups/" + support.getJsonNumber("id").longValue();
        ApiClient agent1002 = ApiClient.as(api, "agent1002@demo", "demo-1002");
        Path sippFolder = java.nio.file.Files.createTempDirectory(homeFolder, "sipp");
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        try {
            ApiClient.Answer forced = admin.put(supportPath, support.toString()
                    .replace("\"forcedDisposition\":false", "\"forcedDisposition\":true").replace("\"wrapUpSeconds\":0", "\"wrapUpSeconds\":1"));
            assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
            sipp.registerAgent(1002, "demo-1002", 7602);
            Process phone = sipp.start("agent-answer.xml", 7602, java.util.List.of("-m", "1", "-d", "200", "-timeout", "60s"));
            assertThat(agent1002.put("api/v1/agents/1002/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);

            Sipp.Result caller = sipp.run("caller.xml", 7691, java.util.List.of("-s", "+4930500100", "-m", "1", "-d", "500", "-timeout", "60s"));
            assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
            assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
            JsonObject call = awaitAnsweredCall();
            Thread.sleep(2500);

            JsonObject state = agent1002.get("api/v1/agents/1002/state").json();
            assertThat(state.getString("state")).as("wrap-up time is over, but no disposition yet").isEqualTo("WRAP_UP");
            ApiClient.Answer early = agent1002.put("api/v1/agents/1002/state", "{\"state\":\"READY\"}");
            assertThat(early.status()).as(early.toString()).isEqualTo(409);
            assertThat(early.json().getString("type")).endsWith("disposition-required");

            ApiClient.Answer disposed = agent1002.put("api/v1/calls/" + call.getString("callId") + "/disposition", "{\"code\":\"SALE\"}");
            assertThat(disposed.status()).as(disposed.toString()).isEqualTo(200);
            assertThat(disposed.json().getString("disposition")).isEqualTo("SALE");
            assertThat(agent1002.get("api/v1/agents/1002/state").json().getString("state")).isEqualTo("READY");
        } finally {
            Sipp.stopAll();
            admin.put("api/v1/agents/1002/state", "{\"state\":\"LOGGED_OUT\"}");
            admin.put(supportPath, admin.get(supportPath).json().toString()
                    .replace("\"forcedDisposition\":true", "\"forcedDisposition\":false").replace("\"wrapUpSeconds\":1", "\"wrapUpSeconds\":0"));
        }
    }

    @Test
    void anAgentExtendsItsWrapUpWithinItsGroupsAllowance() throws Exception {
        JsonObject support = admin.get("api/v1/groups?q=Support").json().getJsonArray("items").getJsonObject(0);
        String supportPath = "api/v1/groups/" + support.getJsonNumber("id").longValue();
        ApiClient agent1002 = ApiClient.as(api, "agent1002@demo", "demo-1002");
        String extensions = "api/v1/agents/1002/wrap-up/extensions";
        Path sippFolder = java.nio.file.Files.createTempDirectory(homeFolder, "sipp");
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        try {
            ApiClient.Answer tooLong = admin.put(supportPath, support.toString().replace("\"wrapUpExtensionSeconds\":0", "\"wrapUpExtensionSeconds\":3601"));
            assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
            assertThat(tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("wrapUpExtensionSeconds");
            ApiClient.Answer extendable = admin.put(supportPath, support.toString()
                    .replace("\"wrapUpSeconds\":0", "\"wrapUpSeconds\":3").replace("\"wrapUpExtensionSeconds\":0", "\"wrapUpExtensionSeconds\":4"));
            assertThat(extendable.status()).as(extendable.toString()).isEqualTo(200);
            assertThat(agent1002.post(extensions, "{\"seconds\":3}").json().getString("type")).as("logged out: nothing to extend")
                    .endsWith("not-in-wrap-up");
            sipp.registerAgent(1002, "demo-1002", 7602);
            Process phone = sipp.start("agent-answer.xml", 7602, java.util.List.of("-m", "1", "-d", "200", "-timeout", "60s"));
            assertThat(agent1002.put("api/v1/agents/1002/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);

            Sipp.Result caller = sipp.run("caller.xml", 7692, java.util.List.of("-s", "+4930500100", "-m", "1", "-d", "500", "-timeout", "60s"));
            assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
            assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> agent1002.get("api/v1/agents/1002/state").json().getString("state").equals("WRAP_UP"));

            ApiClient.Answer extended = agent1002.post(extensions, "{\"seconds\":3}");
            assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
            JsonObject wrapUp = extended.json().getJsonObject("wrapUp");
            Instant extendedEnd = Instant.parse(wrapUp.getString("endsAt"));
            Instant groupsEnd = extendedEnd.minusSeconds(3);
            assertThat(wrapUp.getInt("extensionAllowedSeconds")).isEqualTo(4);
            assertThat(wrapUp.getInt("extensionLeftSeconds")).isEqualTo(1);
            ApiClient.Answer beyond = agent1002.post(extensions, "{\"seconds\":3}");
            assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
            assertThat(beyond.header("Content-Type")).startsWith("application/problem+json");
            assertThat(beyond.json().getString("type")).endsWith("wrap-up-extension-used-up");
            ApiClient.Answer none = agent1002.post(extensions, "{\"seconds\":0}");
            assertThat(none.status()).as(none.toString()).isEqualTo(422);
            assertThat(none.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("seconds");

            Duration pastTheGroupsEnd = Duration.between(Instant.now(), groupsEnd.plusMillis(700));
            Awaitility.await().during(pastTheGroupsEnd.isNegative() ? Duration.ZERO : pastTheGroupsEnd).atMost(Duration.ofSeconds(8))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> agent1002.get("api/v1/agents/1002/state").json().getString("state").equals("WRAP_UP"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> agent1002.get("api/v1/agents/1002/state").json().getString("state").equals("READY"));
            Instant readySince = Instant.parse(agent1002.get("api/v1/agents/1002/state").json().getString("since"));
            assertThat(readySince).as("ready at the extended end, not before").isAfterOrEqualTo(extendedEnd.truncatedTo(ChronoUnit.MILLIS));
            // Agent events reach the master through the portal's journal, a moment after the change.
            assertThat(Awaitility.await().atMost(Duration.ofSeconds(10)).until(ConfigurationApiIT::extensionEvents, events -> !events.isEmpty()))
                    .containsExactly("WRAP_UP WRAP_UP_EXTENDED 3");
        } finally {
            Sipp.stopAll();
            admin.put("api/v1/agents/1002/state", "{\"state\":\"LOGGED_OUT\"}");
            admin.put(supportPath, admin.get(supportPath).json().toString()
                    .replace("\"wrapUpSeconds\":3", "\"wrapUpSeconds\":0").replace("\"wrapUpExtensionSeconds\":4", "\"wrapUpExtensionSeconds\":0"));
        }
    }

    private static java.util.List<String> extensionEvents() throws java.sql.SQLException {
        java.util.List<String> events = new java.util.ArrayList<>();
        try (java.sql.Connection db = node.database().connect();
             java.sql.PreparedStatement query = db.prepareStatement("SELECT e.state, e.cause, e.extended_seconds FROM agent_event e"
                     + " JOIN agent a ON a.id = e.agent_id JOIN tenant t ON t.id = a.tenant_id"
                     + " WHERE t.tenant_key = 'demo' AND a.extension = '1002' AND e.cause = 'WRAP_UP_EXTENDED' ORDER BY e.seq");
             java.sql.ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                events.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getInt(3));
            }
        }
        return events;
    }

    @Test
    void skillsPauseReasonsDispositionsOpeningHoursAndAgentsAreCreatedChangedAndRemoved() {
        ApiClient.Answer skill = admin.post("api/v1/skills", "{\"name\":\"Italian\"}");
        assertThat(skill.status()).as(skill.toString()).isEqualTo(201);
        String skillPath = "api/v1/skills/" + skill.json().getJsonNumber("id").longValue();
        assertThat(admin.put(skillPath, "{\"name\":\"Italiano\",\"version\":0}").json().getString("name")).isEqualTo("Italiano");

        ApiClient.Answer agentCreated = admin.post("api/v1/agents", """
                {"extension":"1099","displayName":"Temp Agent","sipPassword":"temp-phone-1","skills":[{"skill":"Italiano","proficiency":4}]}""");
        assertThat(agentCreated.status()).as(agentCreated.toString()).isEqualTo(201);
        assertThat(agentCreated.body()).doesNotContain("temp-phone-1").contains("\"Italiano\"");
        assertThat(admin.get("api/v1/agents/1099/state").json().getString("state")).isEqualTo("LOGGED_OUT");

        ApiClient.Answer reason = agent.get("api/v1/pause-reasons?enabled=true");
        assertThat(reason.status()).as("agents read pause reasons").isEqualTo(200);
        ApiClient.Answer coffee = admin.post("api/v1/pause-reasons", "{\"code\":\"COFFEE\",\"label\":\"Coffee\",\"paid\":true,\"maxSeconds\":600}");
        assertThat(coffee.status()).as(coffee.toString()).isEqualTo(201);
        assertThat(admin.post("api/v1/pause-reasons", "{\"code\":\"NO_ANSWER\",\"label\":\"Mine\"}").status()).isEqualTo(409);
        assertThat(admin.post("api/v1/pause-reasons", "{\"code\":\"coffee\",\"label\":\"x\"}").status()).isEqualTo(422);

        ApiClient.Answer upsell = admin.post("api/v1/dispositions", "{\"code\":\"UPSELL\",\"label\":\"Upsell\",\"group\":\"Sales\"}");
        assertThat(upsell.status()).as(upsell.toString()).isEqualTo(201);
        assertThat(agent.get("api/v1/dispositions?group=Sales").body()).contains("UPSELL");
        assertThat(agent.get("api/v1/dispositions?group=Support").body()).doesNotContain("UPSELL");

        ApiClient.Answer hours = admin.post("api/v1/opening-hours", """
                {"name":"Office","timeZone":"Europe/Berlin","intervals":[{"day":1,"from":"08:00","until":"18:00"}],
                 "holidays":[{"day":"2026-12-24","name":"Heiligabend","openFrom":"09:00","openUntil":"12:00"}]}""");
        assertThat(hours.status()).as(hours.toString()).isEqualTo(201);
        String hoursPath = "api/v1/opening-hours/" + hours.json().getJsonNumber("id").longValue();
        assertThat(admin.get(hoursPath + "/status?at=2026-11-30T07:30:00Z").json().getBoolean("open")).as("Monday 08:30 Berlin").isTrue();
        assertThat(admin.get(hoursPath + "/status?at=2026-12-24T12:30:00Z").json().getBoolean("open")).as("after the holiday's hours").isFalse();
        ApiClient.Answer overlap = admin.post("api/v1/opening-hours", """
                {"name":"Overlap","intervals":[{"day":2,"from":"08:00","until":"12:00"},{"day":2,"from":"11:00","until":"13:00"}]}""");
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.json().getJsonArray("errors").getJsonObject(0).getString("field")).startsWith("intervals[1]");

        assertThat(admin.delete("api/v1/agents/1099").status()).isEqualTo(204);
        assertThat(admin.delete(hoursPath).status()).isEqualTo(204);
        assertThat(admin.delete(skillPath).status()).isEqualTo(204);
        assertThat(admin.delete("api/v1/pause-reasons/" + coffee.json().getJsonNumber("id").longValue()).status()).isEqualTo(204);
        assertThat(admin.delete("api/v1/dispositions/" + upsell.json().getJsonNumber("id").longValue()).status()).isEqualTo(204);
        assertThat(admin.get(hoursPath).status()).isEqualTo(404);
    }

    @Test
    void aSupervisorMovesAnAgentBetweenGroups() {
        JsonObject sales = admin.get("api/v1/groups?q=Sales").json().getJsonArray("items").getJsonObject(0);
        String members = "api/v1/groups/" + sales.getJsonNumber("id").longValue() + "/members/1005";
        try {
            ApiClient.Answer added = supervisor.put(members, "{\"penalty\":2}");
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            assertThat(added.json().getJsonArray("members").toString()).contains("{\"extension\":\"1005\",\"penalty\":2}");
            assertThat(agent.put(members, "{}").status()).as("an agent cannot").isEqualTo(403);
        } finally {
            ApiClient.Answer removed = supervisor.delete(members);
            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.json().getJsonArray("members").toString()).doesNotContain("\"1005\"");
        }
    }

    @Test
    void anAgentsDayCountsTheCallsItAnswered() {
        ApiClient agent = ApiClient.as(api, "agent1002@demo", "demo-1002");
        long answered = admin.get("api/v1/calls?limit=500").json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject())
                .filter(call -> "1002".equals(call.getString("agent", "")) && call.containsKey("answeredAt") && call.containsKey("endedAt"))
                .count();
        // stats-service counts a call after the slice worker's next pass (every 5 s).
        ApiClient.Answer today = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> agent.get("api/v1/agents/1002/today"), answer -> answer.status() == 200
                        && answer.json().getInt("answered") == (int) answered);
        assertThat(today.json().getJsonObject("readFrom").getString("role")).isEqualTo("REALTIME");
        assertThat(ApiClient.as(api, "agent1003@demo", "demo-1003").get("api/v1/agents/1002/today").status())
                .as("another agent's day").isEqualTo(403);
    }

    /** The newest answered call with its steps, once the call path's batch has written it. */
    private static JsonObject awaitAnsweredCall() throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            jakarta.json.JsonArray calls = admin.get("api/v1/calls?limit=1").json().getJsonArray("items");
            if (!calls.isEmpty() && "ANSWERED".equals(calls.getJsonObject(0).getString("outcome", ""))) {
                return admin.get("api/v1/calls/" + calls.getJsonObject(0).getString("callId")).json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no answered call recorded: " + admin.get("api/v1/calls?limit=3"));
    }

    private static HttpResponse<String> send(HttpClient client, String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
