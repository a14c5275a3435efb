package io.verbund.acd.storage.file;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A SHA-256 digest, spelled as 64 lower-case hex digits. */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 hex digits");
        }
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    public static Sha256 of(MessageDigest finished) {
        return of(finished.digest());
    }

    public static Sha256 ofBytes(byte[] content) {
        MessageDigest digest = newDigest();
        digest.update(content);
        return of(digest);
    }

    /** As a client may send it: 64 hex digits in any case. */
    public static Optional<Sha256> parseHex(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return HEX.matcher(lower).matches() ? Optional.of(new Sha256(lower)) : Optional.empty();
    }

    /** From the base64 of RFC 9530's {@code sha-256=:…:}. */
    public static Optional<Sha256> parseBase64(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            return bytes.length == 32 ? Optional.of(of(bytes)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
