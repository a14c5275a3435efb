package io.verbund.acd.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIf;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Issue 5: N agents, each with a browser session (POST /session, cookie and CSRF token), its event
 * stream (GET /events) open all the time (read every second), and a state change every 5–15 s (READY, PAUSED BREAK,
 * READY, …); ceil(N/100) supervisors, each with a session and an event stream, reading GET /queues
 * and GET /agents/states every 10 s. N rises in steps (see {@link Ramp}); the API calls of each
 * step's measuring window are reported per step, with the agent-state events each agent received
 * of its own changes.
 *
 * System properties: bench.baseUrl (http://127.0.0.1:8080), bench.steps (100,250,500,1000),
 * bench.loginRate (logins per second while a step adds users, 4), bench.settle (10 s),
 * bench.steady (90 s), bench.serverPid (WildFly's pid, for CPU and RSS), bench.setup (true: create
 * the users and agents first), bench.out (the table, target/agent-sessions.md), bench.debug (print
 * every stream message the agents look at).
 */
public class AgentSessionsSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("bench.baseUrl", "http://127.0.0.1:8080").replaceAll("/+$", "");
    private static final Ramp RAMP = new Ramp(Ramp.parseSteps(System.getProperty("bench.steps", "100,250,500,1000")),
            Integer.getInteger("bench.loginRate", 4), Long.getLong("bench.settle", 10), Long.getLong("bench.steady", 90),
            Long.getLong("bench.serverPid", 0), Path.of(System.getProperty("bench.out", "target/agent-sessions.md")));

    private static final boolean DEBUG = Boolean.getBoolean("bench.debug");
    private static final String READY = "{\"state\":\"READY\"}";
    private static final String PAUSED = "{\"state\":\"PAUSED\",\"reason\":\"BREAK\"}";

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .disableWarmUp()
            .disableCaching()
            .sseUnmatchedInboundMessageBufferSize(5_000);

    /** Numbers agents 1, 2, … and supervisors 1, 2, … in the order they start. */
    private static Iterator<Map<String, Object>> numbers(boolean agent) {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> {
            int n = next.incrementAndGet();
            return Map.<String, Object>of("n", n,
                    "login", agent ? BenchSetup.agentLogin(n) : BenchSetup.supervisorLogin(n),
                    "password", agent ? BenchSetup.agentPassword(n) : BenchSetup.supervisorPassword(n),
                    "ext", BenchSetup.extension(n));
        }).iterator();
    }

    private static Session clear(Session session) {
        return session.remove("st").remove("rt");
    }

    /** Records the API call just made (status and response time saved by its checks). */
    private static ChainBuilder record(String call) {
        return exec(session -> {
            RAMP.api(call, session.contains("st") ? session.getInt("st") : null, session.contains("rt") ? session.getLong("rt") : null);
            return clear(session);
        });
    }

    private static ChainBuilder login() {
        return exec(Session::markAsSucceeded)
                .exec(http("login").post("/api/v1/session")
                        .body(StringBody("{\"login\":\"#{login}\",\"password\":\"#{password}\"}"))
                        .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"), status().is(200),
                                jsonPath("$.csrfToken").saveAs("csrf")))
                .exec(session -> {
                    RAMP.login(session.contains("st") ? session.getInt("st") : null, session.contains("rt") ? session.getLong("rt") : null);
                    return clear(session);
                })
                .exitHereIfFailed();
    }

    private static ChainBuilder openStream() {
        return exec(sse("GET /events").get("/api/v1/events").header("Accept", "text/event-stream")
                .await(Duration.ofSeconds(60)).on(sse.checkMessage("hello").check(substring("hello"))))
                .exitHereIfFailed();
    }

    /**
     * Counts the agent's own agent-state events since the last look, for the step of the change
     * that caused them, and the time from sending that change to its first event.
     */
    private static Session ownEvents(List<SseInboundMessage> messages, Session session) {
        int step = session.contains("putStep") ? session.getInt("putStep") : -1;
        if (DEBUG) {
            System.out.println("[debug] " + session.getString("ext") + " step " + step + ": "
                    + messages.stream().map(m -> m.timestamp() + " " + m.message()).toList());
        }
        if (step < 0) {
            return session;
        }
        String ext = session.getString("ext");
        int count = 0;
        long first = -1;
        for (SseInboundMessage message : messages) {
            String text = message.message();
            if (text.startsWith("{\"event\":\"agent-state\"") && text.contains("\"extension\":\"" + ext + "\"")) {
                count++;
                if (first < 0) {
                    first = message.timestamp();
                }
            }
        }
        boolean lagKnown = session.contains("lagKnown") && session.getBoolean("lagKnown");
        if (count > 0) {
            RAMP.ownEvents(step, ext, count, lagKnown ? -1 : first - session.getLong("putAt"));
            return session.set("lagKnown", true);
        }
        return session;
    }

    /**
     * Waits a random 5–15 s (or {@code seconds}), looking at the stream's unmatched messages every
     * second: the queue events every member of a group receives for each change in it would
     * otherwise pile up in the load generator.
     */
    private static ChainBuilder think(java.util.function.BiFunction<List<SseInboundMessage>, Session, Session> process, int fixedSeconds) {
        return exec(session -> session.set("thinkUntil", System.currentTimeMillis()
                        + (fixedSeconds > 0 ? fixedSeconds * 1000L : java.util.concurrent.ThreadLocalRandom.current().nextLong(5_000, 15_001))))
                .asLongAs(session -> System.currentTimeMillis() < session.getLong("thinkUntil")).on(
                        pause(Duration.ofMillis(1000)).exec(sse.processUnmatchedMessages(process)));
    }

    private static Session supervisorEvents(List<SseInboundMessage> messages, Session session) {
        RAMP.supervisorEvents((int) messages.stream().filter(m -> m.message().startsWith("{\"event\":\"agent-state\"")).count());
        return session;
    }

    private final ScenarioBuilder agents = scenario("agents")
            .feed(numbers(true))
            .exitHereIf(session -> RAMP.aborted())
            .exec(login())
            // Start from LOGGED_OUT (an earlier run may have left the agent READY), before the stream opens: not measured.
            .exec(http("setup: LOGGED_OUT").put("/api/v1/agents/#{ext}/state").header("X-CSRF-Token", "#{csrf}")
                    .body(StringBody("{\"state\":\"LOGGED_OUT\"}")))
            .pause(Duration.ofSeconds(1))
            .exec(openStream())
            .exec(session -> {
                RAMP.openAgents.incrementAndGet();
                return session.set("next", READY).set("putStep", -1);
            })
            .asLongAs(session -> RAMP.running()).on(
                    exec(sse.processUnmatchedMessages(AgentSessionsSimulation::ownEvents))
                            .exec(session -> session.set("putAt", System.currentTimeMillis()))
                            .exec(http("PUT state").put("/api/v1/agents/#{ext}/state").header("X-CSRF-Token", "#{csrf}")
                                    .body(StringBody(session -> session.getString("next")))
                                    .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"), status().is(200)))
                            .exec(session -> {
                                boolean ok = session.contains("st") && session.getInt("st") == 200;
                                int step = RAMP.measuring();
                                RAMP.api("PUT state", session.contains("st") ? session.getInt("st") : null,
                                        session.contains("rt") ? session.getLong("rt") : null);
                                if (ok && step >= 0) {
                                    RAMP.stateChanged(step, session.getString("ext"));
                                }
                                return clear(session).set("putStep", ok ? step : -1).set("lagKnown", false)
                                        .set("next", session.getString("next").equals(READY) ? PAUSED : READY);
                            })
                            .exec(think(AgentSessionsSimulation::ownEvents, 0)))
            .exec(think(AgentSessionsSimulation::ownEvents, 2))
            .exec(session -> {
                RAMP.openAgents.decrementAndGet();
                return session;
            })
            .exec(http("teardown: LOGGED_OUT").put("/api/v1/agents/#{ext}/state").header("X-CSRF-Token", "#{csrf}")
                    .body(StringBody("{\"state\":\"LOGGED_OUT\"}")))
            .exec(sse("close").close())
            .exec(http("teardown: DELETE /session").delete("/api/v1/session").header("X-CSRF-Token", "#{csrf}"));

    private final ScenarioBuilder supervisors = scenario("supervisors")
            .feed(numbers(false))
            .exitHereIf(session -> RAMP.aborted())
            .exec(login())
            .exec(openStream())
            .exec(session -> {
                RAMP.openSupervisors.incrementAndGet();
                return session;
            })
            .asLongAs(session -> RAMP.running()).on(
                    exec(http("GET queues").get("/api/v1/queues")
                                    .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"), status().is(200)))
                            .exec(record("GET queues"))
                            .exec(http("GET agents/states").get("/api/v1/agents/states")
                                    .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"), status().is(200)))
                            .exec(record("GET agents/states"))
                            .exec(think(AgentSessionsSimulation::supervisorEvents, 10)))
            .exec(session -> {
                RAMP.openSupervisors.decrementAndGet();
                return session;
            })
            .exec(sse("close").close())
            .exec(http("teardown: DELETE /session").delete("/api/v1/session").header("X-CSRF-Token", "#{csrf}"));

    {
        List<OpenInjectionStep> agentSteps = new ArrayList<>();
        List<OpenInjectionStep> supervisorSteps = new ArrayList<>();
        for (int k = 0; k < RAMP.agents.length; k++) {
            int addedAgents = RAMP.agents[k] - (k == 0 ? 0 : RAMP.agents[k - 1]);
            int addedSupervisors = RAMP.supervisors[k] - (k == 0 ? 0 : RAMP.supervisors[k - 1]);
            Duration ramp = Duration.ofSeconds(RAMP.rampSeconds[k]);
            Duration rest = Duration.ofSeconds(RAMP.settle + RAMP.steady);
            agentSteps.add(rampUsers(addedAgents).during(ramp));
            agentSteps.add(nothingFor(rest));
            supervisorSteps.add(addedSupervisors > 0 ? rampUsers(addedSupervisors).during(ramp) : nothingFor(ramp));
            supervisorSteps.add(nothingFor(rest));
        }
        setUp(agents.injectOpen(agentSteps), supervisors.injectOpen(supervisorSteps)).protocols(protocol);
    }

    @Override
    public void before() {
        int maxAgents = RAMP.agents[RAMP.agents.length - 1];
        int maxSupervisors = RAMP.supervisors[RAMP.supervisors.length - 1];
        System.out.println("[ramp] " + BASE_URL + ": steps N=" + java.util.Arrays.toString(RAMP.agents) + ", logins at "
                + RAMP.loginRate + "/s while a step adds users, then " + RAMP.settle + " s to settle and " + RAMP.steady
                + " s measured; about " + RAMP.totalSeconds() + " s in all");
        if (Boolean.parseBoolean(System.getProperty("bench.setup", "true"))) {
            try {
                new BenchSetup(BASE_URL, System.getProperty("bench.admin", "sysadmin"),
                        System.getProperty("bench.adminPassword", "system-admin")).run(maxAgents, maxSupervisors);
            } catch (Exception e) {
                throw new IllegalStateException("creating the bench users failed", e);
            }
        }
        RAMP.start();
    }

    @Override
    public void after() {
        RAMP.stop();
        RAMP.write();
        System.out.println();
        System.out.println("== Portal sessions: API calls per step (measuring windows of " + RAMP.steady + " s) ==");
        System.out.println(RAMP.table());
    }
}
