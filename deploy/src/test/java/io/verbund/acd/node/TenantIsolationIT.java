package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, generated from the API's own OpenAPI document on a real node: every operation
 * is tried with tenant acme's admin on tenant demo's things (their ids in the path, or
 * {@code ?tenant=demo}) and must be refused with 403 or 404; and without credentials with 401. An
 * operation whose path this test cannot fill with demo's things fails the test, so a new resource
 * cannot slip past it.
 */
class TenantIsolationIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    /** Operations that are open by design: answered without credentials. */
    private static final Set<String> OPEN = Set.of("GET /api/v1/health", "POST /api/v1/session");
    /** Operations that touch no tenant's data; each is still closed to anonymous callers. */
    private static final Set<String> NOT_TENANT_DATA = Set.of(
            "GET /api/v1/session", "DELETE /api/v1/session",
            "GET /api/v1/call-flows/node-types");
    /**
     * Operations whose answer depends on who asks rather than on a named tenant: the tenant list
     * (tested below) and the event stream, always the caller's own tenant (EventStreamIT shows acme
     * never sees demo's events).
     */
    private static final Set<String> TESTED_ON_THEIR_OWN = Set.of("GET /api/v1/tenants", "POST /api/v1/tenants", "GET /api/v1/events");
    /**
     * Operations that create by name in the addressed tenant: acme's admin naming demo's prompt
     * without {@code ?tenant=} uploads acme's own prompt of that name, which is its right. Only the
     * attempt naming demo applies; afterwards demo's prompt must be unchanged.
     */
    private static final Set<String> NAMED_IN_THE_CALLERS_OWN_TENANT = Set.of("PUT /api/v1/prompts/{name}");
    private static final String DEMO_PROMPT = "isolation-prompt";

    private static DemoNode node;
    private static URI api;
    private static ApiClient sysadmin;
    private static ApiClient acmeAdmin;
    private static ApiClient nobody;
    /** For each collection, how to name one of demo's entries in a path. */
    private static Map<String, Function<String, String>> demoEntries;

    @BeforeAll
    static void startNode() {
        node = TestNodes.apiAndStorageNode();
        api = URI.create(node.portalUrl());
        sysadmin = ApiClient.as(api, "sysadmin", "system-admin");
        acmeAdmin = ApiClient.as(api, "admin@acme", "acme-admin");
        nobody = ApiClient.anonymous(api);
        ApiClient demoAdmin = ApiClient.as(api, "admin@demo", "demo-admin");
        ApiClient.Answer token = demoAdmin.post("api/v1/api-tokens", "{\"name\":\"isolation\",\"scopes\":[\"config:read\"]}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        ApiClient.Answer webhook = demoAdmin.post("api/v1/webhooks", "{\"name\":\"isolation\",\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"config\"]}");
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        java.net.http.HttpResponse<byte[]> prompt = demoAdmin.sendBytes("PUT", "api/v1/prompts/" + DEMO_PROMPT,
                PromptApiIT.wav(8000, 1, 0.2), Map.of("Content-Type", "audio/wav"));
        assertThat(prompt.statusCode()).as(new String(prompt.body())).isEqualTo(201);
        java.net.http.HttpResponse<byte[]> recording = demoAdmin.sendBytes("PUT", "/storage/api/v1/tenants/demo/files/recordings/isolation.wav",
                PromptApiIT.wav(8000, 2, 0.2), Map.of("Content-Type", "audio/wav"));
        assertThat(recording.statusCode()).as(new String(recording.body())).isEqualTo(201);
        String demoCall = recordDemoCall();
        ApiClient.Answer recalculation = demoAdmin.post("api/v1/recalculations", "{}");
        assertThat(recalculation.status()).as(recalculation.toString()).isEqualTo(202);
        String demoRecalculation = recalculation.json().getJsonNumber("id").toString();
        ApiClient.Answer reportJob = demoAdmin.post("api/v1/report-jobs", "{\"report\":\"agent-states\",\"format\":\"csv\"}");
        assertThat(reportJob.status()).as(reportJob.toString()).isEqualTo(202);
        String demoReportJob = reportJob.json().getJsonNumber("id").toString();
        demoEntries = Map.ofEntries(
                Map.entry("recalculations", placeholder -> demoRecalculation),
                Map.entry("report-jobs", placeholder -> demoReportJob),
                Map.entry("agents", placeholder -> "1001"),
                Map.entry("members", placeholder -> "1002"),
                Map.entry("calls", placeholder -> demoCall),
                Map.entry("prompts", placeholder -> DEMO_PROMPT),
                Map.entry("tenants", placeholder -> "demo"),
                Map.entry("versions", placeholder -> "1"),
                Map.entry("groups", placeholder -> firstDemoId("groups")),
                Map.entry("call-flows", placeholder -> firstDemoId("call-flows")),
                Map.entry("service-numbers", placeholder -> firstDemoId("service-numbers")),
                Map.entry("users", placeholder -> firstDemoId("users")),
                Map.entry("api-tokens", placeholder -> firstDemoId("api-tokens")),
                Map.entry("webhooks", placeholder -> firstDemoId("webhooks")),
                Map.entry("skills", placeholder -> firstDemoId("skills")),
                Map.entry("pause-reasons", placeholder -> firstDemoId("pause-reasons")),
                Map.entry("dispositions", placeholder -> firstDemoId("dispositions")),
                Map.entry("opening-hours", placeholder -> firstDemoId("opening-hours")));
    }

    @Test
    void everyOperationRefusesAnotherTenantsAdminAndAnonymousCallers() {
        ApiClient.Answer document = nobody.get("api/v1/openapi?format=JSON");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        JsonObject paths = document.json().getJsonObject("paths");
        String demoPromptBefore = demoPromptChecksum();
        assertThat(paths.keySet()).as("the OpenAPI document lists the API").contains("/api/v1/groups", "/api/v1/call-flows/{id}");

        List<String> tried = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (String method : path.getValue().asJsonObject().keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + path.getKey();
                tried.add(operation);
                String concrete = fill(path.getKey(), uncovered, operation);
                if (concrete == null) {
                    continue;
                }
                String relative = concrete.substring(1);
                checkAnonymous(operation, relative, leaks);
                if (OPEN.contains(operation) || NOT_TENANT_DATA.contains(operation) || TESTED_ON_THEIR_OWN.contains(operation)) {
                    continue;
                }
                checkOtherTenant(operation, relative, leaks);
            }
        }
        assertThat(demoPromptChecksum()).as("demo's prompt after acme's attempts").isEqualTo(demoPromptBefore);
        assertThat(uncovered).as("operations this test cannot aim at demo's things: add them to demoEntries").isEmpty();
        assertThat(leaks).as("operations that did not refuse").isEmpty();
        assertThat(tried).as("operations tried").hasSizeGreaterThan(20);
        System.out.println("TenantIsolationIT: " + tried.size() + " operations tried: " + tried);
    }

    @Test
    void anotherTenantsAdminSeesOnlyItsOwnTenant() {
        ApiClient.Answer tenants = acmeAdmin.get("api/v1/tenants");
        assertThat(tenants.status()).as(tenants.toString()).isEqualTo(200);
        assertThat(tenants.json().getJsonArray("items")).extracting(item -> item.asJsonObject().getString("key")).containsExactly("acme");
        ApiClient.Answer create = acmeAdmin.post("api/v1/tenants", "{\"key\":\"sneaky\",\"name\":\"Sneaky\"}");
        assertThat(create.status()).as(create.toString()).isEqualTo(403);
    }

    @Test
    void aTenantAdminCannotNameAnotherTenantTheWayTheSystemAdminDoes() {
        // The system administrator addresses each tenant with ?tenant=, as the administration's tenant picker does.
        assertThat(groupNames(sysadmin, "acme")).contains("Service").doesNotContain("Support");
        assertThat(groupNames(sysadmin, "demo")).contains("Support").doesNotContain("Service");

        ApiClient.Answer read = acmeAdmin.get("api/v1/groups?tenant=demo");
        assertThat(read.status()).as(read.toString()).isEqualTo(404);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read.body()).doesNotContain("Support");
        ApiClient.Answer write = acmeAdmin.post("api/v1/groups?tenant=demo", "{\"name\":\"Planted by acme\"}");
        assertThat(write.status()).as(write.toString()).isEqualTo(404);
        ApiClient.Answer unknown = acmeAdmin.get("api/v1/groups?tenant=no-such-tenant");
        assertThat(unknown.status()).as("an unknown tenant looks the same as a forbidden one: %s", unknown).isEqualTo(404);
        assertThat(groupNames(sysadmin, "demo")).doesNotContain("Planted by acme");
        assertThat(groupNames(acmeAdmin, null)).as("acme's admin still reaches its own").contains("Service");
    }

    @Test
    void aResellerTheSystemAdminGrantedManagesItsTenantsAndNothingElse() {
        ApiClient.Answer reseller = sysadmin.post("api/v1/tenants", "{\"key\":\"partner\",\"name\":\"Partner GmbH\",\"kind\":\"RESELLER\"}");
        assertThat(reseller.status()).as(reseller.toString()).isEqualTo(201);
        ApiClient.Answer below = sysadmin.post("api/v1/tenants", "{\"key\":\"shop\",\"name\":\"Shop KG\",\"reseller\":\"partner\"}");
        assertThat(below.status()).as(below.toString()).isEqualTo(201);

        // Bad grants are refused, naming the field: RESELLER outside a reseller tenant, by a tenant's admin, and SYSTEM_ADMIN by anyone.
        ApiClient.Answer inPlainTenant = sysadmin.post("api/v1/users?tenant=demo",
                userBody("seller@demo", "[\"AGENT\",\"RESELLER\"]"));
        assertRefusedAt(inPlainTenant, "roles[1]");
        ApiClient.Answer byTenantAdmin = acmeAdmin.post("api/v1/users", userBody("seller@acme", "[\"RESELLER\"]"));
        assertRefusedAt(byTenantAdmin, "roles[0]");
        ApiClient.Answer systemAdmin = sysadmin.post("api/v1/users?tenant=partner", userBody("root@partner", "[\"SYSTEM_ADMIN\"]"));
        assertRefusedAt(systemAdmin, "roles[0]");

        ApiClient.Answer granted = sysadmin.post("api/v1/users?tenant=partner", userBody("seller@partner", "[\"RESELLER\"]"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().getJsonArray("roles").getString(0)).isEqualTo("RESELLER");
        long grantedId = granted.json().getJsonNumber("id").longValue();
        org.awaitility.Awaitility.await("the grant in the audit log").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> sysadmin.get("api/v1/audit?tenant=partner&entityType=user&limit=100").body(),
                        body -> body.contains("\"entityId\":\"" + grantedId + "\"") && body.contains("RESELLER") && body.contains("\"sysadmin\""));

        ApiClient seller = ApiClient.as(api, "seller@partner", "seller-secret");
        ApiClient.Answer session = seller.get("api/v1/session");
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        assertThat(session.body()).contains("RESELLER");

        // Can: its tenants, their configuration and users, a new tenant of its own.
        assertThat(seller.get("api/v1/tenants").json().getJsonArray("items")).extracting(item -> item.asJsonObject().getString("key"))
                .containsExactlyInAnyOrder("partner", "shop");
        ApiClient.Answer group = seller.post("api/v1/groups?tenant=shop", "{\"name\":\"Shop hotline\"}");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        assertThat(groupNames(sysadmin, "shop")).containsExactly("Shop hotline");
        ApiClient.Answer shopAdmin = seller.post("api/v1/users?tenant=shop", userBody("admin@shop", "[\"TENANT_ADMIN\"]"));
        assertThat(shopAdmin.status()).as(shopAdmin.toString()).isEqualTo(201);
        ApiClient.Answer newTenant = seller.post("api/v1/tenants", "{\"key\":\"kiosk\",\"name\":\"Kiosk\"}");
        assertThat(newTenant.status()).as(newTenant.toString()).isEqualTo(201);
        assertThat(newTenant.json().getString("reseller")).isEqualTo("partner");

        // Cannot: other tenants, platform matters, more power for anyone.
        for (String elsewhere : new String[] {"demo", "acme", "system"}) {
            ApiClient.Answer other = seller.get("api/v1/groups?tenant=" + elsewhere);
            assertThat(other.status()).as(other.toString()).isEqualTo(404);
            ApiClient.Answer users = seller.get("api/v1/users?tenant=" + elsewhere);
            assertThat(users.status()).as(users.toString()).isEqualTo(404);
        }
        ApiClient.Answer changeDemo = seller.put("api/v1/tenants/demo", "{\"key\":\"demo\",\"name\":\"Mine now\",\"version\":0}");
        assertThat(changeDemo.status()).as(changeDemo.toString()).isIn(403, 404);
        ApiClient.Answer anotherReseller = seller.post("api/v1/tenants", "{\"key\":\"subpartner\",\"name\":\"Sub\",\"kind\":\"RESELLER\"}");
        assertRefusedAt(anotherReseller, "kind");
        assertRefusedAt(seller.post("api/v1/users?tenant=shop", userBody("root@shop", "[\"SYSTEM_ADMIN\"]")), "roles[0]");
        assertRefusedAt(seller.post("api/v1/users?tenant=shop", userBody("seller@shop", "[\"RESELLER\"]")), "roles[0]");
        ApiClient.Answer ownUsers = seller.get("api/v1/users");
        assertThat(ownUsers.status()).as("its own reseller tenant is the platform's to configure: %s", ownUsers).isEqualTo(403);
        ApiClient.Answer everyTenantsAudit = seller.get("api/v1/audit");
        assertThat(everyTenantsAudit.status()).as(everyTenantsAudit.toString()).isEqualTo(403);
    }

    /** Without credentials, everything but the open operations is 401. */
    private static void checkAnonymous(String operation, String relative, List<String> leaks) {
        Map<String, String> accept = operation.equals("GET /api/v1/events") ? Map.of("Accept", "text/event-stream") : Map.of();
        ApiClient.Answer answer = nobody.send(method(operation), relative, body(operation), accept);
        boolean expected = OPEN.contains(operation) ? answer.status() != 401 : answer.status() == 401;
        if (!expected) {
            leaks.add("anonymous " + answer);
        }
    }

    /** With acme's admin: demo's things by id in the path, and demo named as the tenant. */
    private static void checkOtherTenant(String operation, String relative, List<String> leaks) {
        String method = method(operation);
        boolean aimsAtAnEntry = !relative.equals(operation.substring(operation.indexOf(' ') + 2));
        List<String> attempts = new ArrayList<>();
        attempts.add(relative + (relative.contains("?") ? "&" : "?") + "tenant=demo");
        if (aimsAtAnEntry && !NAMED_IN_THE_CALLERS_OWN_TENANT.contains(operation)) {
            attempts.add(relative);
        }
        for (String attempt : attempts) {
            ApiClient.Answer answer = acmeAdmin.send(method, attempt, bodyFor(method, relative), Map.of());
            if (answer.status() != 403 && answer.status() != 404) {
                leaks.add("admin@acme " + answer);
            } else if (!answer.header("Content-Type").startsWith("application/problem+json")) {
                leaks.add("admin@acme got no problem document: " + answer);
            }
        }
    }

    /** A realistic body: for a replacement, demo's own document as the system admin reads it. */
    private static String bodyFor(String method, String relative) {
        if (method.equals("PUT")) {
            if (relative.endsWith("/state")) {
                return "{\"state\":\"READY\"}";
            }
            ApiClient.Answer current = sysadmin.get(relative + "?tenant=demo");
            return current.status() == 200 ? current.body() : "{}";
        }
        return method.equals("POST") || method.equals("PATCH") ? "{}" : null;
    }

    private static String body(String operation) {
        String method = method(operation);
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}" : null;
    }

    private static String method(String operation) {
        return operation.substring(0, operation.indexOf(' '));
    }

    /** The path with each placeholder replaced by one of demo's things; null (and noted) when unknown. */
    private static String fill(String template, List<String> uncovered, String operation) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder concrete = new StringBuilder();
        while (matcher.find()) {
            String before = template.substring(0, matcher.start());
            String[] segments = before.split("/");
            String collection = segments[segments.length - 1];
            Function<String, String> entry = demoEntries.get(collection);
            if (entry == null) {
                uncovered.add(operation);
                return null;
            }
            matcher.appendReplacement(concrete, Matcher.quoteReplacement(entry.apply(matcher.group(1))));
        }
        matcher.appendTail(concrete);
        return concrete.toString();
    }

    /** A finished call of demo's Support group, as the call path records one, with a recording in storage. */
    private static String recordDemoCall() {
        String callId = "isolation-" + System.nanoTime();
        try (java.sql.Connection db = node.database().connect();
             java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO call_record (call_id, tenant_id, service_number, caller,"
                     + " group_id, received_at, queued_at, ended_at, outcome, recording_file) SELECT ?, t.id, '+4930500100', '+4917000000', g.id,"
                     + " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'ABANDONED', 'isolation.wav' FROM tenant t JOIN acd_group g ON g.tenant_id = t.id"
                     + " WHERE t.tenant_key = 'demo' AND g.name = 'Support'")) {
            insert.setString(1, callId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("recording demo's call", e);
        }
        assertThat(sysadmin.get("api/v1/calls/" + callId + "?tenant=demo").status()).isEqualTo(200);
        return callId;
    }

    private static String demoPromptChecksum() {
        ApiClient.Answer prompts = sysadmin.get("api/v1/prompts?tenant=demo");
        assertThat(prompts.status()).as(prompts.toString()).isEqualTo(200);
        return prompts.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(prompt -> prompt.getString("name").equals(DEMO_PROMPT)).map(prompt -> prompt.getString("sha256"))
                .findFirst().orElse("missing");
    }

    /** The names of a tenant's groups as the client reads them, naming the tenant (null: its own). */
    private static List<String> groupNames(ApiClient client, String tenant) {
        ApiClient.Answer groups = client.get("api/v1/groups?limit=100" + (tenant == null ? "" : "&tenant=" + tenant));
        assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
        return groups.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(group -> group.getString("name")).toList();
    }

    private static String userBody(String login, String roles) {
        return "{\"login\":\"" + login + "\",\"displayName\":\"" + login + "\",\"password\":\"seller-secret\",\"roles\":" + roles + "}";
    }

    private static void assertRefusedAt(ApiClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(error -> error.getString("field"))
                .as(answer.toString()).containsExactly(field);
    }

    private static String firstDemoId(String collection) {
        ApiClient.Answer list = sysadmin.get("api/v1/" + collection + "?tenant=demo&limit=1");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().getJsonArray("items")).as("demo has " + collection).isNotEmpty();
        return list.json().getJsonArray("items").getJsonObject(0).get("id").toString();
    }
}
