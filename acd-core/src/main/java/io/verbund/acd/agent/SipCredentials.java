package io.verbund.acd.agent;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the registrar needs to check an agent phone's digest authentication (RFC 2617 / RFC 3261
 * §22): the user name, the realm and {@code HA1 = MD5(username ":" realm ":" password)} as 32
 * lower-case hex digits. Storing HA1 instead of the password keeps the password out of the
 * database, but HA1 itself is enough to authenticate in that realm, so it is as secret as the
 * password and never appears in {@link #toString()}.
 *
 * @param username the digest user name, the agent's extension in the demo
 * @param realm    the protection realm the registrar challenges with
 * @param ha1      lower-case hex MD5 of {@code username:realm:password}
 */
public record SipCredentials(String username, String realm, String ha1) {

    /** The realm the Verbund registrar challenges with unless configured otherwise. */
    public static final String DEFAULT_REALM = "verbund";

    private static final Pattern HEX_MD5 = Pattern.compile("[0-9a-f]{32}");

    public SipCredentials {
        requireDigestToken(username, "SIP user name");
        requireDigestToken(realm, "SIP realm");
        Objects.requireNonNull(ha1, "HA1");
        if (!HEX_MD5.matcher(ha1).matches()) {
            throw new IllegalArgumentException("HA1 must be 32 lower-case hex digits");
        }
    }

    /**
     * Derives the credentials from a password. The three parts are joined with {@code ':'} and
     * encoded as UTF-8 (identical to RFC 2617's ISO-8859-1 for ASCII, and what RFC 7616 asks for
     * anything else).
     */
    public static SipCredentials of(String username, String realm, char[] password) {
        requireDigestToken(username, "SIP user name");
        requireDigestToken(realm, "SIP realm");
        Objects.requireNonNull(password, "password");
        return new SipCredentials(username, realm, ha1(username, realm, password));
    }

    /** Whether {@code password} is the one these credentials were derived from. */
    public boolean matches(char[] password) {
        byte[] candidate = ha1(username, realm, password).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(candidate, ha1.getBytes(StandardCharsets.US_ASCII));
    }

    private static String ha1(String username, String realm, char[] password) {
        MessageDigest md5 = md5();
        md5.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        md5.update(secret.duplicate());
        if (secret.hasArray()) {
            Arrays.fill(secret.array(), (byte) 0);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }

    private static void requireDigestToken(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty and contain no ':'");
        }
    }

    /** Never the HA1: it authenticates as this phone just like the password does. */
    @Override
    public String toString() {
        return "SipCredentials[" + username + "@" + realm + "]";
    }
}
