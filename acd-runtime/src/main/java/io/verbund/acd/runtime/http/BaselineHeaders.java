package io.verbund.acd.runtime.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The security headers every response of every Verbund service carries, error pages and 404s
 * included: browsers must not guess content types (a stored file sniffed as HTML would run as a
 * page of our origin), no other site may frame any of it (clickjacking), and no address leaks to
 * other sites in {@code Referer}. A header already set is left alone: the portal's
 * {@code SecurityHeaders} set a fuller Content-Security-Policy for the browser app. API answers
 * also get {@code Cache-Control: no-store} ({@link NoStoreAnswers}).
 *
 * <p>Transport headers (HSTS, for requests that came over HTTPS) belong in {@link #applyTo} too.
 */
public class BaselineHeaders implements Filter {

    /** Header name to value. */
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "frame-ancestors 'none'",
            // For browsers that predate frame-ancestors.
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            applyTo(http);
        }
        chain.doFilter(request, response);
    }

    /** Sets each header the response does not have yet; before the chain, so error pages get them too. */
    public static void applyTo(HttpServletResponse response) {
        HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }
}
