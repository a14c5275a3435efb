package io.verbund.acd.portal.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;

/**
 * Serves the browser app: every response gets the {@link SecurityHeaders}; browser routes get
 * {@code index.html} (forwarded to the container's default servlet, which also answers
 * conditional requests), and caching follows {@link Delivery}. Which request is which is
 * {@link BrowserRoutes}'s decision.
 *
 * <p>Mapped to every path, so it also sees the API; {@code asyncSupported}, because the API's
 * event stream runs asynchronously and every filter in front of it must allow that.
 */
@WebFilter(filterName = "AppShellFilter", urlPatterns = "/*", asyncSupported = true)
public class AppShellFilter extends HttpFilter {

    private static final String INDEX = "/index.html";

    private transient BrowserRoutes routes;
    private transient SecurityHeaders securityHeaders = SecurityHeaders.sameOrigin();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        ServletContext context = config.getServletContext();
        routes = new BrowserRoutes(path -> existsInWar(context, path));
        securityHeaders = SecurityHeaders.withWebSockets(softphoneWebSockets());
    }

    /** The softphone edge's WebSocket addresses from the server's settings; none without MicroProfile Config (a unit test). */
    private static java.util.List<String> softphoneWebSockets() {
        org.eclipse.microprofile.config.Config settings;
        try {
            settings = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        } catch (IllegalStateException noConfiguration) {
            return java.util.List.of();
        }
        return java.util.stream.Stream.of("verbund.softphone.websocket", "verbund.softphone.websocket-secure")
                .flatMap(name -> settings.getOptionalValue(name, String.class).stream()).filter(address -> !address.isBlank()).toList();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        securityHeaders.applyTo(response);
        Delivery delivery = routes.deliveryOf(request.getMethod(), pathWithinApplication(request));
        delivery.cacheControl().ifPresent(value -> response.setHeader("Cache-Control", value));
        if (delivery == Delivery.APP_SHELL) {
            request.getRequestDispatcher(INDEX).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The container's decoded and normalised path ({@code /api/v1/session}, {@code /agent}), not
     * the raw request URI, so that encoded or dotted variants of a path are judged like the path
     * itself.
     */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    private static boolean existsInWar(ServletContext context, String path) {
        try {
            return context.getResource(path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
