package io.verbund.acd.portal.app;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The security headers on every response of the portal, pages and API alike.
 *
 * <p>The Content-Security-Policy allows only this origin: scripts only from files (Vite's build
 * has no inline script, so an injected {@code <script>} does not run), connections only to the
 * portal's own API and event stream. Inline styles are allowed because MUI (emotion) writes its
 * styles into {@code <style>} elements at run time; images may be {@code data:} URIs (MUI's
 * icons and small images). No other site may frame the portal (clickjacking on the agent's
 * buttons), and browsers must not guess content types.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Header name to value. */
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            // For browsers that predate frame-ancestors.
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {
    }

    /** Sets the headers, replacing any of the same name. */
    public static void applyTo(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
