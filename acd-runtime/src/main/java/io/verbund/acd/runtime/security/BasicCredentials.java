package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A login and password from an {@code Authorization: Basic} header (RFC 7617, UTF-8). The password
 * never appears in {@link #toString()}.
 */
public record BasicCredentials(String login, String password) {

    private static final String SCHEME = "basic";

    /**
     * Reads the header's value.
     *
     * @throws NotAuthenticated when it is missing, of another scheme or not {@code base64(login:password)}
     */
    public static BasicCredentials parse(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new NotAuthenticated("This API needs the credentials of a Verbund user (HTTP Basic)");
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw new NotAuthenticated("Only HTTP Basic credentials are accepted");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticated("The Basic credentials are not valid Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new NotAuthenticated("The Basic credentials must be login:password");
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + login + "]";
    }
}
