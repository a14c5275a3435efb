package io.verbund.acd.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The text of an API token, {@code vbd_} and 43 URL-safe Base64 characters (256 random bits). It
 * is shown once when created; the database keeps its SHA-256 and its first characters. A plain hash
 * is enough for secrets this long, unlike passwords, and lets a request find its token in one
 * indexed look-up. The secret never appears in {@link #toString()}.
 */
public final class ApiTokenSecret {

    public static final String PREFIX = "vbd_";
    private static final Pattern FORM = Pattern.compile("vbd_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;

    private ApiTokenSecret(String text) {
        this.text = text;
    }

    public static ApiTokenSecret generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return new ApiTokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** @return whether the text has a token's form (a bearer value that does not is refused unread) */
    public static boolean looksLikeToken(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    public static ApiTokenSecret of(String text) {
        if (!looksLikeToken(text)) {
            throw new IllegalArgumentException("not a Verbund API token");
        }
        return new ApiTokenSecret(text);
    }

    /** The whole token: for the one answer that creates it, nowhere else. */
    public String reveal() {
        return text;
    }

    /** {@code vbd_} and 8 characters: recognisable in lists, useless to an attacker. */
    public String visiblePrefix() {
        return text.substring(0, PREFIX.length() + 8);
    }

    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return visiblePrefix() + "…";
    }
}
