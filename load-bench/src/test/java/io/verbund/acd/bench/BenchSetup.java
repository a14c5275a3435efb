package io.verbund.acd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates what the benchmark needs in tenant "bench" through the API, as the system admin, and
 * skips whatever exists (so it is cheap to run again, and a larger N only adds the missing ones):
 * agents a0001@bench… (password bench-pass-i, extension 30000+i, each a user with role AGENT and an
 * agent), supervisors s01@bench… (bench-sup-i, role SUPERVISOR, watching every group), the pause
 * reason BREAK and groups "Bench 1", "Bench 2", … of at most 1000 agents each.
 * Every new user costs the node one PBKDF2 hash, so they are created by 8 threads and only once.
 * Usage: BenchSetup BASE_URL AGENTS SUPERVISORS
 */
public final class BenchSetup {

    static final String TENANT = "bench";
    static final int GROUP_SIZE = 1000;
    private static final int THREADS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final String auth;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    BenchSetup(String baseUrl, String adminLogin, String adminPassword) {
        this.api = baseUrl.replaceAll("/+$", "") + "/api/v1";
        this.auth = "Basic " + Base64.getEncoder().encodeToString((adminLogin + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        new BenchSetup(args[0], "sysadmin", "system-admin").run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    static String agentLogin(int i) {
        return String.format("a%04d@%s", i, TENANT);
    }

    static String agentPassword(int i) {
        return "bench-pass-" + i;
    }

    static String extension(int i) {
        return String.valueOf(30000 + i);
    }

    static String supervisorLogin(int i) {
        return String.format("s%02d@%s", i, TENANT);
    }

    static String supervisorPassword(int i) {
        return "bench-sup-" + i;
    }

    void run(int agents, int supervisors) throws Exception {
        long started = System.nanoTime();
        int tenant = send("POST", "/tenants", Map.of("key", TENANT, "name", "Bench"));
        System.out.println("[setup] tenant bench: " + (tenant == 201 ? "created" : "exists (" + tenant + ")"));
        Set<String> reasons = codes("/pause-reasons?tenant=" + TENANT, "code");
        if (!reasons.contains("BREAK")) {
            expect(send("POST", "/pause-reasons?tenant=" + TENANT, Map.of("code", "BREAK", "label", "Break")), "pause reason BREAK");
        }
        Set<String> users = codes("/users?tenant=" + TENANT, "login");
        Set<String> existingAgents = codes("/agents?tenant=" + TENANT, "extension");
        System.out.println("[setup] existing: " + users.size() + " users, " + existingAgents.size() + " agents; wanted: "
                + agents + " agents, " + supervisors + " supervisors");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        int missing = 0;
        for (int i = 1; i <= agents; i++) {
            int n = i;
            boolean needUser = !users.contains(agentLogin(n));
            boolean needAgent = !existingAgents.contains(extension(n));
            if (!needUser && !needAgent) {
                continue;
            }
            missing++;
            work.add(pool.submit(() -> {
                String name = String.format("Agent %04d", n);
                if (needUser) {
                    expect(send("POST", "/users?tenant=" + TENANT, Map.of("login", agentLogin(n), "displayName", name,
                            "password", agentPassword(n), "roles", List.of("AGENT"))), "user " + agentLogin(n));
                }
                if (needAgent) {
                    expect(send("POST", "/agents?tenant=" + TENANT, Map.of("extension", extension(n), "displayName", name,
                            "sipPassword", "bench-sip-" + n, "userLogin", agentLogin(n))), "agent " + extension(n));
                }
                int d = done.incrementAndGet();
                if (d % 100 == 0) {
                    System.out.printf("[setup] %d agents created (%.0f s)%n", d, (System.nanoTime() - started) / 1e9);
                }
                return null;
            }));
        }
        for (int i = 1; i <= supervisors; i++) {
            int n = i;
            if (!users.contains(supervisorLogin(n))) {
                missing++;
                work.add(pool.submit(() -> {
                    expect(send("POST", "/users?tenant=" + TENANT, Map.of("login", supervisorLogin(n),
                            "displayName", String.format("Supervisor %02d", n), "password", supervisorPassword(n),
                            "roles", List.of("SUPERVISOR"))), "user " + supervisorLogin(n));
                    return null;
                }));
            }
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("[setup] %d agents/supervisors created (%.0f s)%n", missing, (System.nanoTime() - started) / 1e9);
        groups(agents);
        System.out.printf("[setup] done in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Groups "Bench 1"… of at most 1000 members; creates missing groups, adds missing members. */
    private void groups(int agents) throws Exception {
        Map<String, JsonNode> existing = new HashMap<>();
        for (JsonNode group : list("/groups?tenant=" + TENANT)) {
            existing.put(group.get("name").asText(), group);
        }
        for (int g = 0; g * GROUP_SIZE < agents; g++) {
            String name = "Bench " + (g + 1);
            List<String> wanted = new ArrayList<>();
            for (int i = g * GROUP_SIZE + 1; i <= Math.min(agents, (g + 1) * GROUP_SIZE); i++) {
                wanted.add(extension(i));
            }
            JsonNode group = existing.get(name);
            if (group == null) {
                ObjectNode body = JSON.createObjectNode().put("name", name).put("wrapUpSeconds", 0);
                ArrayNode members = body.putArray("members");
                wanted.forEach(ext -> members.addObject().put("extension", ext));
                expect(send("POST", "/groups?tenant=" + TENANT, body), "group " + name);
                System.out.println("[setup] group " + name + " created with " + wanted.size() + " members");
            } else {
                Set<String> have = new HashSet<>();
                group.get("members").forEach(m -> have.add(m.get("extension").asText()));
                int added = 0;
                for (String ext : wanted) {
                    if (!have.contains(ext)) {
                        expect(send("PUT", "/groups/" + group.get("id").asLong() + "/members/" + ext + "?tenant=" + TENANT, Map.of()),
                                "member " + ext);
                        added++;
                    }
                }
                System.out.println("[setup] group " + name + " exists; " + added + " members added");
            }
        }
    }

    private Set<String> codes(String path, String field) throws Exception {
        Set<String> result = new HashSet<>();
        list(path).forEach(item -> result.add(item.get(field).asText()));
        return result;
    }

    private List<JsonNode> list(String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> page = http.send(request("GET", path + "&limit=500&offset=" + offset, null),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + page.statusCode() + " " + page.body());
            }
            JsonNode body = JSON.readTree(page.body());
            body.get("items").forEach(items::add);
            if (items.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
                return items;
            }
        }
    }

    private int send(String method, String path, Object body) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, JSON.writeValueAsString(body)), HttpResponse.BodyHandlers.ofString());
        lastBody.set(response.body());
        return response.statusCode();
    }

    private final ThreadLocal<String> lastBody = new ThreadLocal<>();

    private void expect(int status, String what) {
        if (status / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + status + " " + lastBody.get());
        }
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", "application/json");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
