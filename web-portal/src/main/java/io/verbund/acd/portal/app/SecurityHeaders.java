package io.verbund.acd.portal.app;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;

/**
 * The security headers on every response of the portal, pages and API alike.
 *
 * <p>The Content-Security-Policy allows only this origin: scripts only from files (Vite's build
 * has no inline script, so an injected {@code <script>} does not run), connections only to the
 * portal's own API and event stream. Inline styles are allowed because MUI (emotion) writes its
 * styles into {@code <style>} elements at run time; images may be {@code data:} URIs (MUI's
 * icons and small images). No other site may frame the portal (clickjacking on the agent's
 * buttons), and browsers must not guess content types. The one exception to "this origin only" is
 * the softphone edge's WebSocket (SIP for the agent's and the supervisor's browser phones), named exactly.
 */
public final class SecurityHeaders {

    private final Map<String, String> headers;

    private SecurityHeaders(List<String> webSockets) {
        for (String webSocket : webSockets) {
            if (!webSocket.matches("wss?://[A-Za-z0-9.\\[\\]:-]+(/[A-Za-z0-9._~/-]*)?")) {
                throw new IllegalArgumentException("not a WebSocket address for the Content-Security-Policy: " + webSocket);
            }
        }
        String connect = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"), webSockets.stream()).toList());
        String policy = String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src " + connect,
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
        this.headers = Map.of(
                "Content-Security-Policy", policy,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "same-origin",
                // For browsers that predate frame-ancestors.
                "X-Frame-Options", "DENY");
    }

    /** This origin only. */
    public static SecurityHeaders sameOrigin() {
        return new SecurityHeaders(List.of());
    }

    /** This origin and the given WebSocket addresses (the softphone edge's). */
    public static SecurityHeaders withWebSockets(List<String> webSockets) {
        return new SecurityHeaders(webSockets);
    }

    /** Header name to value. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Sets the headers, replacing any of the same name. */
    public void applyTo(HttpServletResponse response) {
        headers.forEach(response::setHeader);
    }
}
