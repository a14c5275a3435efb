package io.verbund.acd.runtime.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/**
 * The one answer to "who is the client of this request" for limits and logs: the direct peer, or
 * what a {@link TrustedProxies trusted proxy} says it forwarded for. Never read
 * {@code X-Forwarded-For} anywhere else.
 */
public final class ClientAddress {

    private static volatile TrustedProxies proxies;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        List<String> forwarded = request.getHeaders("X-Forwarded-For") == null ? List.of()
                : Collections.list(request.getHeaders("X-Forwarded-For"));
        return proxies().clientAddress(request.getRemoteAddr(), forwarded);
    }

    /** Whether the client reached the cluster over HTTPS (at haproxy, or at this node itself). */
    public static boolean https(HttpServletRequest request) {
        return proxies().https(request.getRemoteAddr(), request.isSecure(), request.getHeader("X-Forwarded-Proto"));
    }

    /** Read once: the list is part of the node's configuration, set before it starts. */
    private static TrustedProxies proxies() {
        TrustedProxies known = proxies;
        if (known == null) {
            known = TrustedProxies.fromSystemProperties();
            proxies = known;
        }
        return known;
    }
}
