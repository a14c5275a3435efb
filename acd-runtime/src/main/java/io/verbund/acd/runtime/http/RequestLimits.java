package io.verbund.acd.runtime.http;

import io.verbund.acd.runtime.problem.ApiProblem;
import io.verbund.acd.runtime.problem.Problem;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request body larger than its endpoint's {@link BodyLimits} with 413 and a problem
 * document, before authentication or anything else reads it: a declared {@code Content-Length}
 * above the limit at once, a body without one as soon as it grows past it (then the problem
 * mappers answer 413). Without it, the only limit was Undertow's listener-wide ceiling, which
 * storage-service's 2 GiB recordings set, for the unauthenticated login too.
 */
public class RequestLimits implements Filter {

    private volatile BodyLimits limits;

    public RequestLimits() {
    }

    RequestLimits(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        // The container's decoded, normalised path: an encoded variant of the login's path is the login.
        String path = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        long limit = limits().limitFor(request.getContextPath(), path, request.getMethod());
        if (limit == BodyLimits.NONE) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            // Undertow holds a body to its declared length; without length or chunks there is none.
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedInputStream(super.getInputStream(), limit);
                }
                return limited;
            }
        }, response);
    }

    private BodyLimits limits() {
        BodyLimits known = limits;
        if (known == null) {
            known = BodyLimits.fromSystemProperties();
            limits = known;
        }
        return known;
    }

    /**
     * Answers without reading the body: nothing of it is parsed or kept, Undertow discards the rest
     * (up to its ceiling) so the client can read the answer.
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        String json = "{\"type\":\"" + ApiProblem.TYPE_PREFIX + "body-too-large\","
                + "\"title\":\"Request body too large\",\"status\":413,"
                + "\"detail\":\"This endpoint accepts request bodies of at most " + limit + " bytes\","
                + "\"instance\":\"" + jsonText(request.getRequestURI()) + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
