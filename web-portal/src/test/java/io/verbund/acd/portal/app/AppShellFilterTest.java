package io.verbund.acd.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppShellFilterTest {

    private static final Set<String> WAR_FILES = Set.of("/index.html", "/assets/index-BJspOuIj.js");

    private final AppShellFilter filter = new AppShellFilter();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> forwardedTo = new ArrayList<>();
    private final List<String> passedOn = new ArrayList<>();

    @BeforeEach
    void startFilter() throws Exception {
        ServletContext context = fake(ServletContext.class, (name, args) -> switch (name) {
            case "getResource" -> WAR_FILES.contains((String) args[0]) ? URI.create("file:/war" + args[0]).toURL() : null;
            default -> null;
        });
        filter.init(fake(FilterConfig.class, (name, args) -> switch (name) {
            case "getServletContext" -> context;
            case "getFilterName" -> "AppShellFilter";
            default -> null;
        }));
    }

    @Test
    void forwardsABrowserRouteToIndexHtmlUncached() throws Exception {
        run("GET", "/admin", "/users");

        assertThat(forwardedTo).containsExactly("/index.html");
        assertThat(passedOn).isEmpty();
        assertThat(headers).containsEntry("Cache-Control", "no-cache");
    }

    @Test
    void passesApiRequestsOnWithSecurityHeadersAndNoCachingRule() throws Exception {
        run("PUT", "/api/v1", "/agents/1001/state");

        assertThat(passedOn).containsExactly("/api/v1/agents/1001/state");
        assertThat(forwardedTo).isEmpty();
        assertThat(headers).doesNotContainKey("Cache-Control");
        assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff");
    }

    @Test
    void letsBrowsersKeepHashedBundles() throws Exception {
        run("GET", "/assets/index-BJspOuIj.js", null);

        assertThat(passedOn).containsExactly("/assets/index-BJspOuIj.js");
        assertThat(headers).containsEntry("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void setsTheSecurityHeadersOnEveryResponse() throws Exception {
        run("GET", "/agent", null);

        assertThat(headers)
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "same-origin")
                .containsEntry("X-Frame-Options", "DENY");
        assertThat(headers.get("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                        "connect-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval")
                .doesNotContainPattern("script-src[^;]*unsafe-inline");
    }

    private void run(String method, String servletPath, String pathInfo) throws Exception {
        HttpServletRequest request = fake(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getServletPath" -> servletPath;
            case "getPathInfo" -> pathInfo;
            case "getRequestDispatcher" -> fake(RequestDispatcher.class, (dispatch, dispatchArgs) -> {
                if (dispatch.equals("forward")) {
                    forwardedTo.add((String) args[0]);
                }
                return null;
            });
            default -> null;
        });
        HttpServletResponse response = fake(HttpServletResponse.class, (name, args) -> {
            if (name.equals("setHeader")) {
                headers.put((String) args[0], (String) args[1]);
            }
            return null;
        });
        FilterChain chain = (chainRequest, chainResponse) ->
                passedOn.add(AppShellFilter.pathWithinApplication((HttpServletRequest) chainRequest));

        filter.doFilter(request, response, chain);
    }

    /** A stand-in for a servlet interface: answers each call with {@code answer}, by method name. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args == null ? new Object[0] : args));
    }

    @FunctionalInterface
    private interface Answer {
        Object apply(String method, Object[] args) throws Exception;
    }
}
