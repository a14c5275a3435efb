package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The browser app in a real headless Chromium against a real node with the demo tenants: what
 * agents, supervisors and admins see, live, without reloading; screenshots of each page land in
 * deploy/target/screenshots for a person to look at.
 */
class BrowserAppIT {

    private static final int PORT_OFFSET = 1300;
    private static final String HOTLINE = "+4930500100";
    /** The caller's number in caller.xml's From header. */
    private static final String CALLER = "+49301234567";
    /** SIPp's own ports, beside this node's SIP port 6360 and clear of the other ITs' SIPp ports. */
    private static final int PHONE_PORT = 6371;
    private static final int CALLER_PORT = 6390;
    /** The phone and the caller of the forced log-out, beside the first pair. */
    private static final int FORCED_PHONE_PORT = 6372;
    private static final int FORCED_CALLER_PORT = 6391;
    /** The phone of the click-to-dial test, and the SIPp standing in for the outbound trunk. */
    private static final int DIAL_PHONE_PORT = 6373;
    private static final int TRUNK_PORT = 6374;
    private static final String NUMBER = "+4940123456";
    private static final Duration LIVE = Duration.ofSeconds(10);
    /** The agent whose desktop uses the browser softphone (in Support, like 1001–1003). */
    private static final String SOFTPHONE_AGENT = "1004";
    private static final int SOFTPHONE_CALLER_PORT = 6392;
    private static final Duration RTP_INACTIVITY = Duration.ofSeconds(15);
    /** The agent who asks for help, its phone, its caller, and the demo supervisor's phone (SIP user 1000). */
    private static final String HELPED_AGENT = "1005";
    private static final int HELPED_PHONE_PORT = 6375;
    private static final int HELPED_CALLER_PORT = 6393;
    private static final int SUPERVISOR_PHONE_PORT = 6376;
    /** The phone and the caller of the call the supervisor listens in on with its browser. */
    private static final int CONSULTING_PHONE_PORT = 6378;
    private static final int CONSULTED_PHONE_PORT = 6379;
    private static final int CONSULTING_CALLER_PORT = 6395;
    private static final int LISTENED_PHONE_PORT = 6377;
    private static final int LISTENED_CALLER_PORT = 6394;

    @TempDir
    static Path homeFolder;

    private static DemoNode node;
    private static String portal;
    private static ApiClient admin;
    private static ApiClient supervisor;
    private static Instant started;

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @BeforeAll
    static void startNode() {
        started = Instant.now();
        // The RTP inactivity timeout ends a browser's call whose WebSocket dropped; longer than the other
        // tests' callers' and numbers' silences (9 s at most), which send audio only for a while.
        node = TestNodes.startNodeWithSoftphoneEdge(homeFolder, PORT_OFFSET, Map.of("verbund.trunk.outbound", "sip:127.0.0.1:" + TRUNK_PORT,
                "verbund.rtp.inactivity-timeout-seconds", String.valueOf(RTP_INACTIVITY.toSeconds())));
        portal = node.portalUrl();
        admin = ApiClient.as(URI.create(portal), "admin@demo", "demo-admin");
        supervisor = ApiClient.as(URI.create(portal), "supervisor@demo", "demo-supervisor");
        System.out.println("BrowserAppIT: node up after " + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @AfterAll
    static void stopNode() {
        TestNodes.stopNode(node);
        System.out.println("BrowserAppIT: whole class (node start, tests, node stop) took "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @BeforeEach
    @AfterEach
    void agentsLoggedOut() throws Exception {
        Sipp.stopAll();
        for (String extension : List.of("1001", "1002", "1003", SOFTPHONE_AGENT, HELPED_AGENT)) {
            // Forced: an agent a failed test left on a call is logged out as well (no change if it is already).
            ApiClient.Answer answer = admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\",\"force\":true}");
            assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
        }
    }

    @Test
    void anAgentLogsInGoesReadyAndASippCallArrivesOnTheDesktopWithoutAReload() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), Files.createTempDirectory(homeFolder, "sipp"));
        sipp.registerAgent(1001, "demo-1001", PHONE_PORT);
        // Rings 2 s before answering; the caller then talks for 8 s: time to see RINGING and ON_CALL.
        Process phone = sipp.start("agent-answer.xml", PHONE_PORT, List.of("-m", "1", "-d", "2000", "-mp", "16371", "-timeout", "60s"));

        logIn("agent1001@demo", "demo-1001");
        browser.visible("page-agent");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "LOGGED_OUT");
        String marker = browser.markDocument();
        browser.click("agent-ready");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "READY");

        Process caller = sipp.start("caller.xml", CALLER_PORT, List.of("-s", HOTLINE, "-m", "1", "-d", "8000", "-mp", "16390", "-timeout", "60s"));

        String phase = browser.awaitAttribute("agent-state", "data-state", LIVE, "RESERVED", "RINGING", "ON_CALL");
        WebElement card = browser.visible("call-card");
        String callId = browser.await("call-card with a call id", driver -> {
            String id = driver.findElement(HeadlessChromium.testId("call-card")).getDomAttribute("data-call-id");
            return id == null || id.isBlank() ? null : id;
        });
        JsonObject agentState = admin.get("api/v1/agents/1001/state").json();
        assertThat(agentState.getString("callId", null)).as("the call the server has agent 1001 on (%s)", agentState).isEqualTo(callId);
        JsonObject call = awaitCall(callId);
        assertThat(call.getString("caller")).contains(CALLER.substring(1));
        browser.await("call-card-caller shows " + call.getString("caller"), LIVE,
                driver -> browser.text(driver.findElement(HeadlessChromium.testId("call-card-caller"))).equals(call.getString("caller")));
        browser.awaitAttribute("agent-state", "data-state", LIVE, "ON_CALL");
        assertThat(browser.text(browser.visible("call-card-service-number"))).isEqualTo(HOTLINE);
        assertThat(browser.text(browser.visible("call-card-group"))).isEqualTo("Support");
        assertThat(browser.isSameDocument(marker)).as("the desktop was not reloaded").isTrue();
        assertThat(card.getDomAttribute("data-call-id")).isEqualTo(callId);
        System.out.println("agent desktop: call " + callId + " seen as " + phase + ", then ON_CALL");
        browser.screenshot("agent-desktop");

        assertThat(Sipp.await(caller, 30).exit()).as("caller: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        browser.awaitAttribute("agent-state", "data-state", LIVE, "WRAP_UP", "READY");
    }

    /**
     * The browser as the agent's phone: the desktop's softphone registers over SIP on WebSocket through
     * the softphone edge (Kamailio, rtpengine), a SIPp caller's call rings in the browser, the agent
     * answers there (after the desktop has told of a refused microphone, and the user allowed it), and
     * audio flows both ways through WebRTC: the browser counts the caller's
     * packets, and the call's recording has the caller's audio byte for byte on the left and the
     * browser's microphone (a 440 Hz tone) on the right.
     */
    @Test
    void anAgentTakesACallOnTheBrowserSoftphoneAndAudioFlowsBothWays() throws Exception {
        Path sippFolder = Files.createTempDirectory(homeFolder, "sipp");
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        RtpCapture callerAudio = RtpCapture.noise(41, 150);
        Path callerScenario = Sipp.template("caller-talks.xml", Map.of("@PCAP@",
                callerAudio.write(sippFolder.resolve("caller.pcap"), 8).toString(), "@TALK_MS@", "6000"), sippFolder);

        logIn("agent" + SOFTPHONE_AGENT + "@demo", "demo-" + SOFTPHONE_AGENT);
        browser.visible("page-agent");
        browser.visible("softphone-panel");
        browser.click("softphone-enable");
        browser.awaitAttribute("softphone-status", "data-status", LIVE, "registered");
        browser.click("agent-ready");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "READY");

        Process caller = sipp.start(callerScenario, SOFTPHONE_CALLER_PORT, List.of("-s", HOTLINE, "-m", "1", "-mp", "16392", "-timeout", "60s"));
        browser.visible("softphone-ringing");
        browser.screenshot("softphone-ringing");
        // First the microphone is refused, as a user may have done in the site settings: the desktop says
        // so and the call keeps ringing; allowed again, the same call is answered.
        String origin = portal.replaceAll("/$", "");
        browser.setPermission(origin, "microphone", "denied");
        browser.click("softphone-answer");
        browser.awaitAttribute("softphone-media-problem", "data-problem", LIVE, "microphoneRefused");
        browser.visible("softphone-ringing");
        browser.setPermission(origin, "microphone", "granted");
        browser.click("softphone-answer");
        browser.visible("softphone-talking");
        String callId = browser.await("call-card with a call id", driver -> {
            String id = driver.findElement(HeadlessChromium.testId("call-card")).getDomAttribute("data-call-id");
            return id == null || id.isBlank() ? null : id;
        });
        // The caller's 3 s of audio are 150 packets: the browser counts them as they come through rtpengine.
        browser.await("the browser receives the caller's audio", LIVE, driver -> {
            String received = driver.findElement(HeadlessChromium.testId("softphone-figures")).getDomAttribute("data-received");
            return received != null && Integer.parseInt(received) >= 100;
        });
        browser.screenshot("softphone-talking");
        int sent = Integer.parseInt(browser.visible("softphone-figures").getDomAttribute("data-sent"));
        assertThat(sent).as("the browser sends its microphone").isPositive();

        assertThat(Sipp.await(caller, 40).exit()).as("caller: %s", sipp.errorLogs()).isZero();
        browser.await("the softphone is idle again after the caller hung up", LIVE,
                driver -> driver.findElements(HeadlessChromium.testId("softphone-talking")).isEmpty());

        MediaCallIT.Channels recording = MediaCallIT.Channels.of(awaitRecording(callId), 2);
        assertThat(RtpCapture.indexOf(recording.channel(0), callerAudio.audio()))
                .as("the caller's audio, byte for byte, in the recording's left channel").isNotNegative();
        double agentLevel = rms(recording.channel(1), recording.formatTag());
        assertThat(agentLevel).as("the agent's channel carries the browser microphone's tone, not silence").isGreaterThan(1000);
        System.out.println("softphone: call " + callId + ", browser sent " + sent + " packets, agent channel RMS " + Math.round(agentLevel));
    }

    /**
     * The softphone's WebSocket drops mid-call (the edge's Kamailio closes it through its RPC, as a
     * restarted proxy or a broken network would): no BYE can pass any more, so the desktop ends the
     * call itself, says why and registers again on a new connection; the node, which never hears of
     * it, ends its side when the browser's audio stops (RTP inactivity), hangs up on the caller and
     * frees the agent.
     */
    @Test
    void theBrowserSoftphoneEndsItsCallWhenItsWebSocketToTheEdgeDropsAndTheNodeHangsUpOnTheCaller() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), Files.createTempDirectory(homeFolder, "sipp"));
        logIn("agent" + SOFTPHONE_AGENT + "@demo", "demo-" + SOFTPHONE_AGENT);
        browser.visible("softphone-panel");
        browser.click("softphone-enable");
        browser.awaitAttribute("softphone-status", "data-status", LIVE, "registered");
        browser.setPermission(portal.replaceAll("/$", ""), "microphone", "granted");
        browser.click("agent-ready");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "READY");

        // Sends no audio itself: only the browser's leg can fall silent.
        Process caller = sipp.start("caller-hung-up-on.xml", SOFTPHONE_CALLER_PORT, List.of("-s", HOTLINE, "-m", "1", "-mp", "16392", "-timeout", "90s"));
        browser.visible("softphone-ringing");
        browser.click("softphone-answer");
        browser.visible("softphone-talking");
        String callId = browser.await("call-card with a call id", driver -> {
            String id = driver.findElement(HeadlessChromium.testId("call-card")).getDomAttribute("data-call-id");
            return id == null || id.isBlank() ? null : id;
        });
        browser.await("the browser sends its microphone", LIVE, driver -> {
            String sent = driver.findElement(HeadlessChromium.testId("softphone-figures")).getDomAttribute("data-sent");
            return sent != null && Integer.parseInt(sent) > 0;
        });

        assertThat(closeSoftphoneWebSockets()).as("the edge's open WebSocket connections it closed").isPositive();

        browser.awaitAttribute("softphone-call-problem", "data-problem", LIVE, "connectionLost");
        assertThat(browser.text(browser.visible("softphone-call-problem"))).containsAnyOf("connection to the phone server was lost", "Verbindung zum Telefonserver ist abgebrochen");
        assertThat(browser.driver().findElements(HeadlessChromium.testId("softphone-talking"))).as("the call no longer shown as going").isEmpty();
        browser.screenshot("softphone-connection-lost");
        // JsSIP connects again after 2 s at first, then registers.
        browser.awaitAttribute("softphone-status", "data-status", LIVE, "registered");

        assertThat(Sipp.await(caller, (int) RTP_INACTIVITY.toSeconds() + 20).exit()).as("the node hung up on the caller: %s", sipp.errorLogs())
                .isZero();
        JsonObject call = await("call " + callId + " ended").atMost(LIVE).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/calls/" + callId), answer -> answer.status() == 200
                        && answer.json().getString("endedAt", null) != null).json();
        assertThat(call.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(step -> "CallEnded".equals(step.getString("kind")))
                .map(step -> step.getJsonObject("data").getString("endedBy", null)))
                .as("ended because the browser's audio stopped: %s", call).containsExactly("rtp-timeout:agent");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "WRAP_UP", "READY");
        assertThat(admin.get("api/v1/agents/" + SOFTPHONE_AGENT + "/state").json().getString("state")).isIn("WRAP_UP", "READY");
    }

    /**
     * Closes every browser's WebSocket on the softphone edge through Kamailio's RPC ({@code ws.dump}
     * lists them as {@code <id>: ws:<browser> -> ws:<edge> (state: OPEN, ...)}); the number closed.
     */
    private static int closeSoftphoneWebSockets() throws Exception {
        String socket = "unix:" + node.softphoneEdgeControlSocket().orElseThrow();
        Matcher open = Pattern.compile("(?m)^\\s*(\\d+): ws.*state: OPEN").matcher(kamcmd(socket, "ws.dump"));
        int closed = 0;
        while (open.find()) {
            kamcmd(socket, "ws.close", open.group(1));
            closed++;
        }
        return closed;
    }

    private static String kamcmd(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("kamcmd", "-s"));
        command.addAll(List.of(arguments));
        Process kamcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kamcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kamcmd.waitFor(10, TimeUnit.SECONDS) && kamcmd.exitValue() == 0).as("%s: %s", command, output).isTrue();
        return output;
    }

    @Test
    void anAgentClicksToDialItsPhoneRingsTheNumberAnswersAndTheDeskShowsTheCallToItsEnd() throws Exception {
        Path folder = Files.createTempDirectory(homeFolder, "sipp");
        Sipp sipp = new Sipp(node.ports().sip(), folder);
        sipp.registerAgent(1002, "demo-1002", DIAL_PHONE_PORT);
        Path speech = RtpCapture.noise(21, 150).write(folder.resolve("number.pcap"), 8);
        Process number = sipp.start(Sipp.template("number-answers-talks-hangs-up.xml", Map.of("@CALLER_ID@", HOTLINE,
                "@PCAP@", speech.toString(), "@TALK_MS@", "12000"), folder), TRUNK_PORT, List.of("-m", "1", "-mp", "16374", "-timeout", "60s"));
        // Rings a second before the agent picks up: time to see the desk say so.
        Process phone = sipp.start("agent-answer.xml", DIAL_PHONE_PORT, List.of("-m", "1", "-d", "1000", "-mp", "16373", "-timeout", "60s"));
        logIn("agent1002@demo", "demo-1002");
        browser.visible("page-agent");
        browser.click("agent-ready");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "READY");

        browser.visible("dial-number").sendKeys(NUMBER);
        browser.click("dial-call");

        String first = browser.awaitAttribute("dial-progress", "data-progress", LIVE, "placing", "ringingAgent", "dialling", "connected");
        browser.awaitAttribute("dial-progress", "data-progress", Duration.ofSeconds(20), "connected");
        browser.visible("dial-hang-up");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "ON_CALL");
        assertThat(browser.text(browser.visible("dial-progress"))).contains(NUMBER);
        browser.screenshot("agent-click-to-dial");
        System.out.println("click-to-dial: first seen as " + first + ", then connected");

        assertThat(Sipp.await(number, 30).exit()).as("the number got the INVITE from %s, answered and hung up: %s", HOTLINE, sipp.errorLogs())
                .isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("1002's phone rang, answered and got BYE: %s", sipp.errorLogs()).isZero();
        browser.awaitAttribute("dial-progress", "data-progress", Duration.ofSeconds(20), "ended");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "WRAP_UP", "READY");
        browser.visible("dial-call");
    }

    @Test
    void theSupervisorOpensReportsAndDownloadsTheDaysIntervalReportAsXlsx() {
        logIn("supervisor@demo", "demo-supervisor");
        browser.click("nav-reports");
        browser.visible("page-reports");
        new org.openqa.selenium.support.ui.Select(browser.visible("report-period")).selectByValue("interval");
        browser.await("the report shows its table or says it has no rows", LIVE, driver ->
                !driver.findElements(HeadlessChromium.testId("report-table")).isEmpty()
                        || !driver.findElements(HeadlessChromium.testId("report-empty")).isEmpty());
        browser.await("the report names the server it was read from", LIVE,
                driver -> browser.text(browser.visible("report-source")).contains("REPORTING"));
        String href = browser.visible("download-xlsx").getDomProperty("href");
        assertThat(href).contains("/api/v1/reports/calls").contains("period=interval").contains("format=xlsx");

        Object download = browser.script("return fetch(arguments[0]).then(answer => answer.arrayBuffer().then(body =>"
                + " answer.status + ' ' + answer.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(body.slice(0, 2)))))",
                href);
        assertThat(String.valueOf(download)).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").endsWith(" PK");
        browser.screenshot("reports");
    }

    @Test
    void theAdminMakesANewKpiVersionRecalculatesTodayAndGetsTheReportAsAJobFile() {
        int before = admin.get("api/v1/kpi-definitions").json().getInt("current");
        logIn("admin@demo", "demo-admin");
        browser.click("nav-reports");
        browser.visible("kpi-definition-panel");
        browser.await("the KPI panel names the current version " + before, LIVE,
                driver -> browser.text(browser.visible("kpi-current")).contains(String.valueOf(before)));

        // A new version without wrap-up in the handle time, saved through the panel.
        browser.click("kpi-wrap-up-in-handle-time");
        browser.click("kpi-save");
        browser.visible("kpi-saved");
        JsonObject definitions = admin.get("api/v1/kpi-definitions").json();
        assertThat(definitions.getInt("current")).as("%s", definitions).isEqualTo(before + 1);
        JsonObject made = definitions.getJsonArray("versions").stream().map(JsonObject.class::cast)
                .filter(version -> version.getInt("version") == before + 1).findFirst().orElseThrow();
        assertThat(made.getBoolean("wrapUpInHandleTime")).as("%s", made).isFalse();
        assertThat(made.getString("createdBy", "")).isEqualTo("admin@demo");

        // Today recomputed under it, with the progress shown until it is done.
        browser.click("recalculation-start");
        browser.awaitAttribute("recalculation-progress", "data-state", Duration.ofSeconds(60), "DONE");

        // The report as a job: its progress, then a link to the file in storage.
        browser.click("report-job-csv");
        browser.awaitAttribute("report-job-progress", "data-state", Duration.ofSeconds(60), "DONE");
        String href = browser.visible("report-job-file").getDomProperty("href");
        assertThat(href).contains("/api/v1/report-jobs/").endsWith("/file");
        Object file = browser.script("return fetch(arguments[0]).then(answer => answer.text().then(body =>"
                + " answer.status + ' ' + answer.headers.get('content-type') + ' ' + body.split('\\n')[0]))", href);
        assertThat(String.valueOf(file)).as("the job's file, fetched as the browser does").startsWith("200 text/csv");
        browser.screenshot("reports-admin");
    }

    @Test
    void theSupervisorViewChangesWithoutAReload() {
        logIn("supervisor@demo", "demo-supervisor");
        browser.open(portal + "supervisor");
        browser.visible("page-supervisor");
        browser.awaitAttribute("live-indicator", "data-live", LIVE, "true");
        browser.await("agent-row-1002 LOGGED_OUT", LIVE, driver -> "LOGGED_OUT".equals(chipStateOf("1002")));
        String marker = browser.markDocument();

        ApiClient.Answer ready = admin.put("api/v1/agents/1002/state", "{\"state\":\"READY\"}");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);

        browser.await("agent-row-1002 shows READY", LIVE, driver -> "READY".equals(chipStateOf("1002")));
        assertThat(browser.isSameDocument(marker)).as("the supervisor page was not reloaded").isTrue();
        assertThat(browser.visible("queue-row-Support").isDisplayed()).isTrue();
        browser.screenshot("supervisor");

        browser.click("nav-wallboard");
        browser.visible("page-wallboard");
        browser.await("wallboard-waiting-Support", driver -> !browser.text(browser.visible("wallboard-waiting-Support")).isEmpty());
        browser.screenshot("wallboard");
    }

    @Test
    void theSupervisorForcesAnAgentOnACallToLogOutAfterConfirmingAndTheCallEnds() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), Files.createTempDirectory(homeFolder, "sipp"));
        sipp.registerAgent(1003, "demo-1003", FORCED_PHONE_PORT);
        // Answers after half a second and waits for the BYE the node sends when the agent is forced out.
        Process phone = sipp.start("agent-answer.xml", FORCED_PHONE_PORT,
                List.of("-m", "1", "-d", "500", "-mp", "16372", "-timeout", "90s"));

        logIn("supervisor@demo", "demo-supervisor");
        browser.open(portal + "supervisor");
        browser.visible("page-supervisor");
        browser.awaitAttribute("live-indicator", "data-live", LIVE, "true");
        browser.await("agent-row-1003 LOGGED_OUT", LIVE, driver -> "LOGGED_OUT".equals(chipStateOf("1003")));

        ApiClient.Answer ready = admin.put("api/v1/agents/1003/state", "{\"state\":\"READY\"}");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        // Would talk for a minute: the forced log-out has to end the call long before.
        Process caller = sipp.start("caller.xml", FORCED_CALLER_PORT,
                List.of("-s", HOTLINE, "-m", "1", "-d", "60000", "-mp", "16391", "-timeout", "90s"));

        // Through the welcome announcement and the queue to the agent's phone, which answers.
        browser.await("agent-row-1003 shows ON_CALL", Duration.ofSeconds(30), driver -> "ON_CALL".equals(chipStateOf("1003")));
        JsonObject onCall = admin.get("api/v1/agents/1003/state").json();
        assertThat(onCall.getString("state")).as("agent 1003 on the server: %s", onCall).isEqualTo("ON_CALL");
        String callId = onCall.getString("callId");
        assertThat(browser.visible("agent-call-1003").getDomAttribute("data-call-id")).isEqualTo(callId);
        ApiClient.Answer plain = supervisor.put("api/v1/agents/1003/state", "{\"state\":\"LOGGED_OUT\"}");
        assertThat(plain.status()).as("a log-out without force is refused while the agent talks: %s", plain).isEqualTo(409);
        // The call's routing decision, once stored, shows in the call dialog: 1003 chosen, the others named with why not.
        await("the decision of call " + callId).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/calls/" + callId + "/decisions"), answer -> answer.status() == 200
                        && answer.body().contains("\"decision\"") && answer.body().contains("1003"));
        browser.click("agent-call-1003");
        WebElement chosen = browser.visible("call-decision-0-agent-1003");
        assertThat(chosen.getDomAttribute("data-excluded")).as("1003 was chosen, not excluded").isEmpty();
        assertThat(browser.text(browser.visible("call-decision-0-agent-1001"))).as("1001 is logged out").contains("abgemeldet");
        browser.screenshot("supervisor-call-decision");
        browser.click("call-dialog-close");
        browser.await("the call dialog closed", LIVE, driver -> driver.findElements(HeadlessChromium.testId("call-dialog")).isEmpty());
        // Support's fairness: all five members, those offered nothing too; 1003 has this call's offer.
        browser.click("queue-fairness-Support");
        assertThat(browser.visible("fairness-chart").getDomAttribute("data-agents")).isEqualTo("5");
        assertThat(browser.text(browser.visible("fairness-offers-per-agent"))).startsWith("0 bis ");
        browser.screenshot("supervisor-fairness");
        browser.click("fairness-dialog-close");
        browser.await("the fairness dialog closed", LIVE, driver -> driver.findElements(HeadlessChromium.testId("fairness-dialog")).isEmpty());
        String marker = browser.markDocument();

        browser.click("agent-action-1003");
        // The demo users' language is German (DemoContract.LOCALE) until they choose another.
        assertThat(browser.text(browser.visible("agent-action-1003-forced"))).as("the menu marks its changes as forced")
                .isEqualTo("Erzwungen – beendet das Gespräch");
        browser.click("agent-action-1003-logout");
        WebElement dialog = browser.visible("agent-force-dialog-1003");
        assertThat(browser.text(dialog)).contains("Agent 1003 zwangsweise abmelden?")
                .contains("Das Gespräch mit dem Anrufer wird beendet.");
        assertThat(chipStateOf("1003")).as("nothing is sent before the confirmation").isEqualTo("ON_CALL");
        browser.screenshot("supervisor-force-dialog");
        browser.click("agent-force-confirm-1003");

        browser.await("the force dialog closed", LIVE,
                driver -> driver.findElements(HeadlessChromium.testId("agent-force-dialog-1003")).isEmpty());
        browser.await("agent-row-1003 shows LOGGED_OUT without its call", LIVE, driver -> "LOGGED_OUT".equals(chipStateOf("1003"))
                && "LOGGED_OUT".equals(driver.findElement(HeadlessChromium.testId("agent-row-1003")).getDomAttribute("data-state"))
                && driver.findElements(HeadlessChromium.testId("agent-call-1003")).isEmpty());
        assertThat(browser.driver().findElements(HeadlessChromium.testId("supervisor-action-error"))).as("no error shown").isEmpty();

        JsonObject loggedOut = admin.get("api/v1/agents/1003/state").json();
        assertThat(loggedOut.getString("state")).as("agent 1003 on the server: %s", loggedOut).isEqualTo("LOGGED_OUT");
        assertThat(loggedOut.getString("callId", null)).isNull();
        assertThat(Sipp.await(phone, 20).exit()).as("the agent's phone got a BYE: %s", sipp.errorLogs()).isZero();
        Sipp.await(caller, 20); // fails unless the caller's leg ended well before its 60 s of talking
        JsonObject call = await("call " + callId + " ended").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/calls/" + callId), answer -> answer.status() == 200
                        && answer.json().getString("endedAt", null) != null).json();
        assertThat(call.getString("agent", null)).isEqualTo("1003");
        assertThat(call.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(step -> "CallEnded".equals(step.getString("kind")))
                .map(step -> step.getJsonObject("data").getString("endedBy", null)))
                .as("the call ended because its agent was logged out: %s", call).containsExactly("agent-logged_out");
        // The agent's history (not in the API): the newest change is the forced log-out, by the supervisor.
        assertThat(await("agent 1003's forced log-out recorded").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> newestAgentEvent("1003"), event -> event.isPresent() && event.get().startsWith("LOGGED_OUT ")))
                .contains("LOGGED_OUT FORCED supervisor@demo");
        browser.await("agent-row-1003 still LOGGED_OUT after the call ended", LIVE, driver -> "LOGGED_OUT".equals(chipStateOf("1003")));
        assertThat(browser.isSameDocument(marker)).as("the supervisor page was not reloaded").isTrue();
        browser.screenshot("supervisor-forced-out");
    }

    /**
     * Issue 17: the agent asks for help; the supervisor presses Join on the request, which whispers
     * on the agent's call through the supervisor's own phone (rung by the node, hung up with the
     * call), then switches to barge in from the call dialog.
     */
    @Test
    void theSupervisorJoinsAHelpRequestWhisperingOnItsOwnPhoneAndSwitchesToBargeIn() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), Files.createTempDirectory(homeFolder, "sipp"));
        sipp.registerAgent(Integer.parseInt(HELPED_AGENT), "demo-" + HELPED_AGENT, HELPED_PHONE_PORT);
        Process phone = sipp.start("agent-answer.xml", HELPED_PHONE_PORT, List.of("-m", "1", "-d", "500", "-mp", "16374", "-timeout", "90s"));
        sipp.registerAgent(1000, "demo-1000", SUPERVISOR_PHONE_PORT);
        Process supervisorPhone = sipp.start("agent-answer.xml", SUPERVISOR_PHONE_PORT,
                List.of("-m", "1", "-d", "200", "-mp", "16375", "-timeout", "90s"));
        assertThat(admin.put("api/v1/agents/" + HELPED_AGENT + "/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
        Process caller = sipp.start("caller-hung-up-on.xml", HELPED_CALLER_PORT, List.of("-s", HOTLINE, "-m", "1", "-mp", "16393", "-timeout", "90s"));
        String callId = await("agent " + HELPED_AGENT + " on the call").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/agents/" + HELPED_AGENT + "/state").json(), state -> "ON_CALL".equals(state.getString("state")))
                .getString("callId");

        logIn("supervisor@demo", "demo-supervisor");
        browser.open(portal + "supervisor");
        browser.visible("page-supervisor");
        browser.awaitAttribute("live-indicator", "data-live", LIVE, "true");
        ApiClient helped = ApiClient.as(URI.create(portal), "agent" + HELPED_AGENT + "@demo", "demo-" + HELPED_AGENT);
        assertThat(helped.post("api/v1/agents/" + HELPED_AGENT + "/help", "{\"message\":\"angry caller\"}").status()).isEqualTo(202);
        browser.click("help-request-join-" + HELPED_AGENT);
        assertThat(browser.visible("help-join-result").getDomAttribute("class")).contains("Success");
        assertThat(browser.visible("call-dialog").getDomAttribute("data-call-id")).isEqualTo(callId);
        browser.awaitAttribute("supervision-controls", "data-mode", LIVE, "whisper");
        browser.click("supervise-barge");
        browser.awaitAttribute("supervision-controls", "data-mode", LIVE, "barge");
        browser.screenshot("supervisor-barge-in");

        List<String> audited = await("the whisper and the barge-in in the audit log").atMost(LIVE).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/audit?entityType=call-supervision").json().getJsonArray("items").stream()
                        .map(item -> (JsonObject) item).filter(item -> callId.equals(item.getString("entityId", null)))
                        .map(item -> item.getJsonObject("summary").toString()).toList(), entries -> entries.size() == 2);
        assertThat(String.join(" ", audited)).contains("whisper").contains("barge");
        assertThat(admin.delete("api/v1/calls/" + callId).status()).isEqualTo(202);
        assertThat(Sipp.await(supervisorPhone, 30).exit()).as("the supervisor's phone was rung, answered and hung up with the call: %s",
                sipp.errorLogs()).isZero();
        assertThat(Sipp.await(caller, 30).exit()).as("caller: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
    }

    /**
     * The desktop's call buttons on a desk-phone call: Hold (the caller is held, the button turns to
     * Resume) and Resume; a consultation with colleague 1002 typed into the field, turned into a
     * conference with the button, and Leave, which hands the caller to 1002 and frees 1001.
     */
    @Test
    void anAgentHoldsResumesConsultsAColleagueMakesAConferenceAndLeavesItFromTheDesktop() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), Files.createTempDirectory(homeFolder, "sipp"));
        sipp.registerAgent(1001, "demo-1001", CONSULTING_PHONE_PORT);
        sipp.registerAgent(1002, "demo-1002", CONSULTED_PHONE_PORT);
        Process phone = sipp.start("agent-answer.xml", CONSULTING_PHONE_PORT, List.of("-m", "1", "-d", "200", "-mp", "16380", "-timeout", "90s"));
        Process colleague = sipp.start("agent-answer.xml", CONSULTED_PHONE_PORT, List.of("-m", "1", "-d", "200", "-mp", "16381", "-timeout", "90s"));
        logIn("agent1001@demo", "demo-1001");
        browser.visible("page-agent");
        browser.click("agent-ready");
        browser.awaitAttribute("agent-state", "data-state", LIVE, "READY");
        Process caller = sipp.start("caller-hung-up-on.xml", CONSULTING_CALLER_PORT, List.of("-s", HOTLINE, "-m", "1", "-mp", "16397", "-timeout", "90s"));
        browser.awaitAttribute("agent-state", "data-state", Duration.ofSeconds(20), "ON_CALL");
        String callId = browser.visible("call-card").getDomAttribute("data-call-id");
        ApiClient agent = ApiClient.as(URI.create(portal), "agent1001@demo", "demo-1001");

        browser.awaitAttribute("call-card-hold", "data-action", LIVE, "hold");
        browser.click("call-card-hold");
        browser.visible("call-card-on-hold");
        browser.awaitAttribute("call-card-hold", "data-action", LIVE, "resume");
        assertThat(agent.get("api/v1/calls/" + callId).json().getBoolean("onHold")).as("the caller hears music").isTrue();
        browser.click("call-card-hold");
        browser.awaitAttribute("call-card-hold", "data-action", LIVE, "hold");
        await("the caller back with the agent").atMost(LIVE).pollInterval(Duration.ofMillis(200))
                .until(() -> agent.get("api/v1/calls/" + callId).json(), call -> !call.getBoolean("onHold"));

        assertThat(admin.put("api/v1/agents/1002/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
        browser.visible("call-card-consult-target").sendKeys("1002");
        browser.click("call-card-consult");
        await("1002 answered the consultation").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> agent.get("api/v1/calls/" + callId).json(), call -> "TALKING".equals(call.getString("consultation", null)));
        browser.click("call-card-consult-conference");
        browser.visible("call-card-conference-state");
        await("three in the call").atMost(LIVE).pollInterval(Duration.ofMillis(200))
                .until(() -> agent.get("api/v1/calls/" + callId).json(), call -> call.containsKey("conference") && !call.isNull("conference"));
        browser.screenshot("agent-conference");

        browser.click("call-card-conference-leave");
        assertThat(Sipp.await(phone, 30).exit()).as("1001's phone got BYE when it left: %s", sipp.errorLogs()).isZero();
        browser.awaitAttribute("agent-state", "data-state", LIVE, "WRAP_UP", "READY");
        JsonObject talkingOn = admin.get("api/v1/agents/1002/state").json();
        assertThat(talkingOn.getString("state")).as("caller and 1002 talk on: %s", talkingOn).isEqualTo("ON_CALL");
        assertThat(talkingOn.getString("callId", null)).isEqualTo(callId);
        assertThat(admin.delete("api/v1/calls/" + callId).status()).isEqualTo(202);
        assertThat(Sipp.await(caller, 30).exit()).as("caller: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(colleague, 30).exit()).as("1002's phone: %s", sipp.errorLogs()).isZero();
    }

    /**
     * The supervisor's browser as its supervisor phone (SIP user 1000): switched on, it registers
     * through the softphone edge; Listen on an agent's call makes the node ring it, it answers at
     * once, shows the mode and receives the call's audio through WebRTC (the caller's packets counted
     * from the peer connection); Leave ends the supervision, and the node hangs up the browser's call
     * while caller and agent talk on.
     */
    @Test
    void theSupervisorListensInOnItsBrowserSoftphoneHearsTheCallAndLeaves() throws Exception {
        Path sippFolder = Files.createTempDirectory(homeFolder, "sipp");
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        // 20 s of the caller's audio, and the line open a little longer: time to listen in while it flows.
        Path callerScenario = Sipp.template("caller-talks.xml", Map.of("@PCAP@",
                RtpCapture.noise(61, 1000).write(sippFolder.resolve("caller.pcap"), 8).toString(), "@TALK_MS@", "24000"), sippFolder);
        sipp.registerAgent(Integer.parseInt(HELPED_AGENT), "demo-" + HELPED_AGENT, LISTENED_PHONE_PORT);
        Process phone = sipp.start("agent-answer.xml", LISTENED_PHONE_PORT, List.of("-m", "1", "-d", "500", "-mp", "16378", "-timeout", "90s"));

        logIn("supervisor@demo", "demo-supervisor");
        browser.open(portal + "supervisor");
        browser.visible("page-supervisor");
        browser.visible("softphone-panel");
        browser.click("softphone-enable");
        browser.awaitAttribute("softphone-status", "data-status", LIVE, "registered");

        assertThat(admin.put("api/v1/agents/" + HELPED_AGENT + "/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
        Process caller = sipp.start(callerScenario, LISTENED_CALLER_PORT, List.of("-s", HOTLINE, "-m", "1", "-mp", "16396", "-timeout", "90s"));
        String callId = await("agent " + HELPED_AGENT + " on the call").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/agents/" + HELPED_AGENT + "/state").json(), state -> "ON_CALL".equals(state.getString("state")))
                .getString("callId");

        browser.click("agent-call-" + HELPED_AGENT);
        browser.await("the call dialog shows call " + callId, LIVE,
                driver -> callId.equals(driver.findElement(HeadlessChromium.testId("call-dialog")).getDomAttribute("data-call-id")));
        browser.click("supervise-listen");
        browser.awaitAttribute("supervision-controls", "data-mode", LIVE, "listen");
        browser.click("call-dialog-close");

        // No click to answer: the browser takes the node's call at once and says how the supervisor is in.
        browser.visible("softphone-talking");
        browser.awaitAttribute("supervision-mode", "data-mode", LIVE, "listen");
        assertThat(browser.text(browser.visible("supervision-mode"))).contains(HELPED_AGENT);
        browser.await("the supervisor's browser receives the call's audio", LIVE, driver -> {
            String received = driver.findElement(HeadlessChromium.testId("softphone-figures")).getDomAttribute("data-received");
            return received != null && Integer.parseInt(received) >= 100;
        });
        browser.screenshot("supervisor-softphone-listening");
        int received = Integer.parseInt(browser.visible("softphone-figures").getDomAttribute("data-received"));

        browser.click("softphone-leave");
        browser.await("the node hung up the supervisor's browser call", LIVE,
                driver -> driver.findElements(HeadlessChromium.testId("softphone-talking")).isEmpty());
        browser.awaitAttribute("softphone-status", "data-status", LIVE, "registered");
        JsonObject state = admin.get("api/v1/agents/" + HELPED_AGENT + "/state").json();
        assertThat(state.getString("state")).as("caller and agent talk on: %s", state).isEqualTo("ON_CALL");
        List<String> audited = await("the listening and the leaving in the audit log").atMost(LIVE).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/audit?entityType=call-supervision").json().getJsonArray("items").stream()
                        .map(item -> (JsonObject) item).filter(item -> callId.equals(item.getString("entityId", null)))
                        .map(item -> item.getJsonObject("summary").toString()).toList(), entries -> entries.size() == 2);
        assertThat(String.join(" ", audited)).contains("listen").contains("end");

        assertThat(Sipp.await(caller, 40).exit()).as("caller: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        System.out.println("supervisor softphone: call " + callId + ", the browser received " + received + " packets listening in");
    }

    @Test
    void theAppSwitchesToGermanAndBack() {
        browser.open(portal + "login");
        browser.visible("login-form");
        awaitLanguage("en", "Sign in");

        browser.click("language-switch-de");
        awaitLanguage("de", "Anmelden");

        browser.click("language-switch-en");
        awaitLanguage("en", "Sign in");
    }

    @Test
    void aFormShowsTheServersValidationErrorNextToItsField() {
        logIn("admin@demo", "demo-admin");
        browser.open(portal + "admin/groups");
        browser.visible("page-admin");
        browser.click("admin-new");
        WebElement name = browser.visible("field-name");
        browser.visible("group-strategy");
        name.sendKeys("Support");
        browser.click("save-button");

        // The demo admin's app is German (DemoContract.LOCALE): it asks the server in German, and shows its answer.
        String helper = browser.await("the server's German message under field-name", LIVE, driver -> {
            String text = browser.text(driver.findElement(HeadlessChromium.testId("field-name-helper")));
            return text.contains("hat schon eine ACD-Gruppe namens 'Support'") ? text : null;
        });
        assertThat(helper).isEqualTo("der Mandant hat schon eine ACD-Gruppe namens 'Support'");
        assertThat(browser.currentPath()).as("still on the new-group form").isEqualTo("/admin/groups/new");
        browser.screenshot("admin-validation");

        // A weight below 0: the server names the field, the form shows it there.
        name.sendKeys(" weighted");
        WebElement weight = browser.visible("field-weight");
        weight.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-1");
        // The hint, read before saving: the server's answer may replace it before a read after the click.
        String hint = browser.text(browser.visible("field-weight-helper"));
        browser.click("save-button");
        String weightHelper = browser.await("the server's message under field-weight", LIVE, driver -> {
            String text = browser.text(driver.findElement(HeadlessChromium.testId("field-weight-helper")));
            return text.equals(hint) ? null : text;
        });
        assertThat(weightHelper).as("the server's limit, in place of the hint, in German").contains("0").startsWith("muss");
        assertThat(browser.currentPath()).as("still on the new-group form").isEqualTo("/admin/groups/new");

        // Switched to English, the app asks in English and the server answers so.
        browser.click("language-switch-en");
        browser.click("save-button");
        browser.await("the server's English message under field-weight", LIVE, driver -> {
            String text = browser.text(driver.findElement(HeadlessChromium.testId("field-weight-helper")));
            return text.startsWith("must be greater than or equal to 0") ? text : null;
        });
    }

    @Test
    void theAdminSeesAGroupChangeInTheAuditLog() {
        ApiClient.Answer created = admin.post("api/v1/groups", "{\"name\":\"Audit " + System.nanoTime() + "\",\"wrapUpSeconds\":10}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long group = created.json().getJsonNumber("id").longValue();
        ApiClient.Answer changed = admin.put("api/v1/groups/" + group,
                "{\"name\":\"" + created.json().getString("name") + "\",\"wrapUpSeconds\":20,\"version\":0}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        // On the master a moment after the answer (the node journals it first).
        long entry = org.awaitility.Awaitility.await().atMost(LIVE).until(() -> admin.get("api/v1/audit?entityType=group&limit=100").json()
                .getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(item -> "CHANGED".equals(item.getString("action")) && String.valueOf(group).equals(item.getString("entityId", "")))
                .map(item -> item.getJsonNumber("id").longValue()).findFirst().orElse(-1L), id -> id > 0);

        logIn("admin@demo", "demo-admin");
        browser.open(portal + "admin/audit");
        browser.visible("page-admin");
        String row = browser.await("the group's change in the audit log's table", LIVE, driver -> {
            List<WebElement> rows = driver.findElements(HeadlessChromium.testId("admin-row-" + entry));
            return rows.isEmpty() ? null : browser.text(rows.get(0));
        });
        assertThat(row).contains("admin@demo", "wrapUpSeconds: 10 → 20", "group " + group);
        browser.screenshot("admin-audit-log");
    }

    @Test
    void theAdminTicksAnswerOnQueueForAServiceNumberAndTheApiAndTheReopenedFormSayItIsOn() {
        String number = "+4930555" + (1000 + System.nanoTime() % 9000);
        ApiClient.Answer created = admin.post("api/v1/service-numbers", "{\"number\":\"" + number + "\",\"label\":\"Shop\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(created.json().getBoolean("answerOnQueue")).as("off unless asked for").isFalse();

        logIn("admin@demo", "demo-admin");
        browser.open(portal + "admin/service-numbers/" + id);
        browser.visible("page-admin");
        WebElement box = browser.await("the loaded number's checkbox", LIVE, driver -> {
            List<WebElement> found = driver.findElements(HeadlessChromium.testId("field-answerOnQueue"));
            return found.isEmpty() || found.get(0).isSelected() ? null : found.get(0);
        });
        assertThat(browser.text(browser.visible("field-answerOnQueue-helper"))).as("the hint says what it changes for callers").isNotBlank();
        tick("field-answerOnQueue");
        browser.await("ticked", LIVE, driver -> box.isSelected());
        browser.screenshot("admin-answer-on-queue");
        browser.click("save-button");
        browser.await("back at the list", LIVE, driver -> browser.currentPath().equals("/admin/service-numbers"));
        browser.visible("admin-row-" + number);

        assertThat(admin.get("api/v1/service-numbers/" + id).json().getBoolean("answerOnQueue")).as("saved through the form").isTrue();
        browser.open(portal + "admin/service-numbers/" + id);
        browser.await("the reopened form shows it ticked", LIVE,
                driver -> driver.findElements(HeadlessChromium.testId("field-answerOnQueue")).stream().anyMatch(WebElement::isSelected));
        assertThat(admin.delete("api/v1/service-numbers/" + id).status()).isEqualTo(204);
    }

    @Test
    void theSystemAdminAddsATransferDestinationOfATenantTheServersRefusalShownAtTheField() {
        ApiClient sysadmin = ApiClient.as(URI.create(portal), "sysadmin", "system-admin");
        String pattern = "+43" + (1000 + System.nanoTime() % 9000) + "*";
        logIn("sysadmin", "system-admin");
        browser.open(portal + "admin/tenant");
        new Select(browser.visible("admin-tenant-select")).selectByValue("demo");
        browser.await("demo's transfer numbers shown", LIVE, driver ->
                "demo".equals(driver.findElement(HeadlessChromium.testId("field-transferNumbers")).getDomAttribute("data-tenant")));

        // A pattern of the wrong form: the server's problem names transferNumbers, the page shows it there.
        browser.visible("transfer-number-input").sendKeys("*");
        browser.click("transfer-number-add");
        browser.click("save-button");
        String refusal = browser.await("the server's message under field-transferNumbers", LIVE, driver -> {
            List<WebElement> helper = driver.findElements(HeadlessChromium.testId("field-transferNumbers-helper"));
            return helper.isEmpty() ? null : browser.text(helper.get(0));
        });
        assertThat(refusal).contains("'*' is no number pattern");
        assertThat(sysadmin.get("api/v1/tenants/demo").json().getJsonArray("transferNumbers").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).doesNotContain("*");

        browser.click("transfer-number-remove-1");
        browser.visible("transfer-number-input").sendKeys(pattern);
        browser.click("transfer-number-add");
        // A change of language keeps the tenant picked and the list being edited.
        browser.click("language-switch-de");
        browser.await("the page in German", LIVE, driver -> "de".equals(browser.script("return document.documentElement.lang;")));
        assertThat(browser.text(browser.visible("transfer-number-1"))).isEqualTo(pattern);
        assertThat(new Select(browser.visible("admin-tenant-select")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("demo");
        browser.click("save-button");
        browser.visible("form-saved");
        assertThat(sysadmin.get("api/v1/tenants/demo").json().getJsonArray("transferNumbers").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("+49*", pattern);
        browser.screenshot("admin-transfer-numbers");
    }

    @Test
    void theSystemAdminPicksATenantInTheAdministrationAndSeesAndChangesThatTenantsGroups() {
        ApiClient sysadmin = ApiClient.as(URI.create(portal), "sysadmin", "system-admin");
        logIn("sysadmin", "system-admin");
        browser.open(portal + "admin/groups");
        Select picker = new Select(browser.visible("admin-tenant-select"));
        assertThat(picker.getOptions()).extracting(option -> option.getDomAttribute("value")).contains("system", "demo", "acme");

        picker.selectByValue("demo");
        browser.await("demo's groups: Support, not acme's Service", LIVE, driver -> "demo".equals(adminTenant())
                && !driver.findElements(HeadlessChromium.testId("admin-row-Support")).isEmpty()
                && driver.findElements(HeadlessChromium.testId("admin-row-Service")).isEmpty());
        String marker = browser.markDocument();

        new Select(browser.visible("admin-tenant-select")).selectByValue("acme");
        browser.await("acme's groups: Service, not demo's Support", LIVE, driver -> "acme".equals(adminTenant())
                && !driver.findElements(HeadlessChromium.testId("admin-row-Service")).isEmpty()
                && driver.findElements(HeadlessChromium.testId("admin-row-Support")).isEmpty());
        browser.screenshot("admin-tenant-picker");

        // A group made now is acme's, not the system admin's own tenant's nor demo's.
        String name = "Picked " + System.nanoTime();
        browser.click("admin-new");
        browser.visible("field-name").sendKeys(name);
        browser.click("save-button");
        browser.visible("admin-row-" + name);
        assertThat(sysadmin.get("api/v1/groups?tenant=acme&q=" + name.replace(' ', '+')).body()).contains(name);
        assertThat(admin.get("api/v1/groups?limit=100").body()).doesNotContain(name);
        assertThat(sysadmin.get("api/v1/groups?limit=100").body()).doesNotContain(name);
        assertThat(browser.isSameDocument(marker)).as("the tenant changed without a reload").isTrue();
    }

    @Test
    void theSystemAdminGrantsTheResellerRoleOnTheUsersPageAndTheResellerConfiguresOnlyItsTenants() {
        ApiClient sysadmin = ApiClient.as(URI.create(portal), "sysadmin", "system-admin");
        ApiClient.Answer reseller = sysadmin.post("api/v1/tenants", "{\"key\":\"partner\",\"name\":\"Partner GmbH\",\"kind\":\"RESELLER\"}");
        assertThat(reseller.status()).as(reseller.toString()).isEqualTo(201);
        ApiClient.Answer shop = sysadmin.post("api/v1/tenants", "{\"key\":\"shop\",\"name\":\"Shop KG\",\"reseller\":\"partner\"}");
        assertThat(shop.status()).as(shop.toString()).isEqualTo(201);
        ApiClient.Answer hotline = sysadmin.post("api/v1/groups?tenant=shop", "{\"name\":\"Shop hotline\"}");
        assertThat(hotline.status()).as(hotline.toString()).isEqualTo(201);

        logIn("sysadmin", "system-admin");
        browser.open(portal + "admin/users");
        new Select(browser.visible("admin-tenant-select")).selectByValue("demo");
        browser.await("demo's users", LIVE, driver -> "demo".equals(adminTenant()) && !driver.findElements(HeadlessChromium.testId("admin-row-admin@demo")).isEmpty());
        browser.click("admin-new");
        browser.visible("field-roles");
        assertThat(browser.driver().findElements(HeadlessChromium.testId("field-roles-RESELLER"))).as("no RESELLER in a plain tenant").isEmpty();
        browser.click("cancel-button");

        new Select(browser.visible("admin-tenant-select")).selectByValue("partner");
        browser.await("partner's users", LIVE, driver -> "partner".equals(adminTenant()) && !driver.findElements(HeadlessChromium.testId("admin-empty")).isEmpty());
        browser.click("admin-new");
        browser.visible("field-login").sendKeys("seller@partner");
        browser.visible("field-displayName").sendKeys("Partner Seller");
        browser.visible("field-password").sendKeys("seller-secret");
        tick("field-roles-AGENT");
        tick("field-roles-RESELLER");
        browser.screenshot("admin-grant-reseller");
        browser.click("save-button");
        browser.visible("admin-row-seller@partner");
        JsonObject granted = sysadmin.get("api/v1/users?tenant=partner&q=seller").json().getJsonArray("items").getJsonObject(0);
        assertThat(granted.getJsonArray("roles").getValuesAs(JsonString.class)).extracting(JsonString::getString).containsExactly("RESELLER");

        browser.click("logout-button");
        browser.visible("login-name");
        logIn("seller@partner", "seller-secret");
        // At the start of its administration, groups, not at the users page the system admin logged out from.
        browser.await("the reseller lands in the administration of its tenant shop", LIVE,
                driver -> browser.currentPath().equals("/admin/groups") && "shop".equals(adminTenant()));
        assertThat(new Select(browser.visible("admin-tenant-select")).getOptions()).extracting(option -> option.getDomAttribute("value"))
                .as("only the tenants below the reseller").containsExactly("shop");
        browser.visible("admin-row-Shop hotline");
        browser.screenshot("admin-reseller");
    }

    /** The tenant the administration page says it shows. */
    private String adminTenant() {
        List<WebElement> page = browser.driver().findElements(HeadlessChromium.testId("page-admin"));
        return page.isEmpty() ? null : page.get(0).getDomAttribute("data-tenant");
    }

    /** Toggles a form's checkbox, whose input MUI draws invisible over its own picture. */
    private void tick(String testId) {
        WebElement box = browser.await("[data-testid=" + testId + "] present", driver -> {
            List<WebElement> found = driver.findElements(HeadlessChromium.testId(testId));
            return found.isEmpty() ? null : found.get(0);
        });
        browser.script("arguments[0].click();", box);
    }

    /** Logs in on the login page and waits until the app has left it. */
    private void logIn(String login, String password) {
        browser.open(portal + "login");
        browser.visible("login-name").sendKeys(login);
        browser.visible("login-password").sendKeys(password);
        browser.click("login-submit");
        browser.await("logged in as " + login + " (left the login page)", driver -> {
            if (!driver.findElements(HeadlessChromium.testId("login-error")).isEmpty()) {
                throw new AssertionError("login of " + login + " refused: "
                        + browser.text(driver.findElement(HeadlessChromium.testId("login-error"))));
            }
            return !browser.currentPath().startsWith("/login") && !driver.findElements(HeadlessChromium.testId("user-name")).isEmpty();
        });
    }

    private void awaitLanguage(String language, String submitText) {
        browser.await("language " + language + ": lang=\"" + language + "\" and the button says \"" + submitText + "\"", driver ->
                language.equals(browser.script("return document.documentElement.lang;"))
                        && submitText.equals(browser.text(driver.findElement(HeadlessChromium.testId("login-submit")))));
        assertThat(browser.visible("language-switch-" + language).getDomAttribute("aria-pressed")).isEqualTo("true");
    }

    /** The state the supervisor's row of this agent shows in its chip (null while the row is not there). */
    private String chipStateOf(String extension) {
        List<WebElement> chips = browser.driver().findElements(
                org.openqa.selenium.By.cssSelector("[data-testid='agent-row-" + extension + "'] .MuiChip-root[data-state]"));
        return chips.isEmpty() ? null : chips.get(0).getDomAttribute("data-state");
    }

    /** "STATE CAUSE CHANGED_BY" of the agent's newest history event ("-" where empty). */
    private static Optional<String> newestAgentEvent(String extension) throws Exception {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT e.state, COALESCE(e.cause, '-'), COALESCE(e.changed_by, '-') FROM agent_event e"
                        + " JOIN agent a ON a.id = e.agent_id AND a.tenant_id = e.tenant_id JOIN tenant t ON t.id = a.tenant_id"
                        + " WHERE t.tenant_key = 'demo' AND a.extension = ? ORDER BY e.seq DESC LIMIT 1")) {
            query.setString(1, extension);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1) + " " + row.getString(2) + " " + row.getString(3)) : Optional.empty();
            }
        }
    }

    /** The call's document from the API (written in batches: it may take a moment to be there). */
    /** The call's recording once the recorder has finished it, fetched as the supervisor does. */
    private static byte[] awaitRecording(String callId) {
        return await("the recording of " + callId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> supervisor.sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of()),
                        answer -> answer.statusCode() == 200).body();
    }

    /** The root mean square of G.711 samples (A-law, format tag 6, or µ-law, 7) as 16-bit linear values. */
    private static double rms(byte[] samples, int formatTag) {
        double sum = 0;
        for (byte sample : samples) {
            int linear = formatTag == 6 ? io.verbund.acd.audio.G711.alawToLinear(sample) : io.verbund.acd.audio.G711.ulawToLinear(sample);
            sum += (double) linear * linear;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }

    private static JsonObject awaitCall(String callId) {
        return await("the call document of " + callId).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("api/v1/calls/" + callId), answer -> answer.status() == 200).json();
    }
}
