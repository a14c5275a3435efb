package io.verbund.acd.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserRoutesTest {

    /** The files of a build as Vite lays them out at the root of the WAR. */
    private static final Set<String> WAR_FILES = Set.of(
            "/index.html", "/favicon.svg", "/assets/index-BJspOuIj.js", "/assets/mui-CgIdrOxO.js",
            "/WEB-INF/jboss-web.xml");

    private final BrowserRoutes routes = new BrowserRoutes(WAR_FILES::contains);

    @ParameterizedTest
    @ValueSource(strings = {"/agent", "/supervisor", "/wallboard", "/admin", "/admin/users/17", "/login", "/no/such/page"})
    void answersBrowserRoutesWithTheAppShell(String path) {
        assertThat(routes.deliveryOf("GET", path)).isEqualTo(Delivery.APP_SHELL);
    }

    @Test
    void answersTheRootAndIndexWithTheAppShell() {
        assertThat(routes.deliveryOf("GET", "/")).isEqualTo(Delivery.APP_SHELL);
        assertThat(routes.deliveryOf("GET", "")).isEqualTo(Delivery.APP_SHELL);
        assertThat(routes.deliveryOf("GET", "/index.html")).isEqualTo(Delivery.APP_SHELL);
    }

    @Test
    void answersHeadLikeGet() {
        assertThat(routes.deliveryOf("HEAD", "/agent")).isEqualTo(Delivery.APP_SHELL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/v1", "/api/v1/session", "/api/v1/agents/1001/state", "/api/v1/events",
        "/api/v1/health", "/health", "/health/ready"})
    void leavesTheApiAndHealthToTheServer(String path) {
        assertThat(routes.deliveryOf("GET", path)).isEqualTo(Delivery.PASS_THROUGH);
    }

    @Test
    void treatsPathsThatOnlyBeginLikeTheApiAsRoutes() {
        assertThat(routes.deliveryOf("GET", "/apiary")).isEqualTo(Delivery.APP_SHELL);
        assertThat(routes.deliveryOf("GET", "/healthy")).isEqualTo(Delivery.APP_SHELL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void leavesOtherMethodsToTheServer(String method) {
        assertThat(routes.deliveryOf(method, "/agent")).isEqualTo(Delivery.PASS_THROUGH);
        assertThat(routes.deliveryOf(method, "/api/v1/session")).isEqualTo(Delivery.PASS_THROUGH);
    }

    @Test
    void servesHashedBundlesForGood() {
        assertThat(routes.deliveryOf("GET", "/assets/index-BJspOuIj.js")).isEqualTo(Delivery.HASHED_ASSET);
        assertThat(Delivery.HASHED_ASSET.cacheControl()).contains("public, max-age=31536000, immutable");
    }

    @Test
    void letsAMissingBundleBeA404InsteadOfHtml() {
        assertThat(routes.deliveryOf("GET", "/assets/index-OLDBUILD.js")).isEqualTo(Delivery.PASS_THROUGH);
        assertThat(routes.deliveryOf("GET", "/assets/")).isEqualTo(Delivery.PASS_THROUGH);
    }

    @Test
    void servesOtherFilesAsTheyAre() {
        assertThat(routes.deliveryOf("GET", "/favicon.svg")).isEqualTo(Delivery.STATIC_FILE);
        assertThat(Delivery.STATIC_FILE.cacheControl()).isEmpty();
    }

    @Test
    void letsAMissingFileBeA404() {
        assertThat(routes.deliveryOf("GET", "/robots.txt")).isEqualTo(Delivery.PASS_THROUGH);
        assertThat(routes.deliveryOf("GET", "/admin/export.csv")).isEqualTo(Delivery.PASS_THROUGH);
    }

    @Test
    void neverServesTheContainersPrivateFolders() {
        assertThat(routes.deliveryOf("GET", "/WEB-INF/jboss-web.xml")).isEqualTo(Delivery.PASS_THROUGH);
        assertThat(routes.deliveryOf("GET", "/web-inf/jboss-web.xml")).isEqualTo(Delivery.PASS_THROUGH);
        assertThat(routes.deliveryOf("GET", "/META-INF")).isEqualTo(Delivery.PASS_THROUGH);
    }

    @Test
    void neverLetsTheAppShellBeCachedWithoutAsking() {
        assertThat(Delivery.APP_SHELL.cacheControl()).contains("no-cache");
        assertThat(Delivery.PASS_THROUGH.cacheControl()).isEmpty();
    }
}
