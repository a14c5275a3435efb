package io.verbund.acd.runtime.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A browser's login, kept in its HTTP session: only the login and a CSRF token, both strings, so
 * the session replicates between nodes without Verbund classes, and a disabled user or changed role
 * takes effect on the next look-up rather than at the session's end.
 */
public final class SessionLogin {

    /** The header a browser must echo the session's CSRF token in on every request that changes something. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String LOGIN = "verbund.login";
    static final String CSRF = "verbund.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionLogin() {
    }

    /**
     * Starts a new session for the caller: any session the browser brought is dropped first, so an
     * attacker cannot plant a session id and share it after the victim logs in (session fixation).
     *
     * @return the new session's CSRF token
     */
    public static String start(HttpServletRequest request, Caller caller) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        session.setAttribute(LOGIN, caller.login());
        session.setAttribute(CSRF, csrf);
        return csrf;
    }

    public static Optional<String> login(HttpServletRequest request) {
        return attribute(request, LOGIN);
    }

    public static Optional<String> csrfToken(HttpServletRequest request) {
        return attribute(request, CSRF);
    }

    /** Whether the presented header value is this session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(HttpServletRequest request, String presented) {
        Optional<String> expected = csrfToken(request);
        return presented != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static Optional<String> attribute(HttpServletRequest request, String name) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(session.getAttribute(name)).map(Object::toString);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }
}
