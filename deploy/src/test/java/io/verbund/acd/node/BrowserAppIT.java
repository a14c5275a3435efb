package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

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
    private static final Duration LIVE = Duration.ofSeconds(10);

    @TempDir
    static Path homeFolder;

    private static DemoNode node;
    private static String portal;
    private static ApiClient admin;
    private static Instant started;

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @BeforeAll
    static void startNode() {
        started = Instant.now();
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, Map.of());
        portal = node.portalUrl();
        admin = ApiClient.as(URI.create(portal), "admin@demo", "demo-admin");
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
        for (String extension : List.of("1001", "1002")) {
            ApiClient.Answer answer = admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\"}");
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

        String helper = browser.await("the server's message under field-name", LIVE, driver -> {
            String text = browser.text(driver.findElement(HeadlessChromium.testId("field-name-helper")));
            return text.contains("already has an ACD group named 'Support'") ? text : null;
        });
        assertThat(helper).contains("Support");
        assertThat(browser.currentPath()).as("still on the new-group form").isEqualTo("/admin/groups/new");
        browser.screenshot("admin-validation");
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

    /** The call's document from the API (written in batches: it may take a moment to be there). */
    private static JsonObject awaitCall(String callId) throws InterruptedException {
        ApiClient.Answer answer = null;
        for (Instant deadline = Instant.now().plusSeconds(10); Instant.now().isBefore(deadline); Thread.sleep(200)) {
            answer = admin.get("api/v1/calls/" + callId);
            if (answer.status() == 200) {
                return answer.json();
            }
        }
        throw new AssertionError("no call document for " + callId + " within 10 s: " + answer);
    }
}
