package io.verbund.acd.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A stored password in the PBKDF2 form {@code PBKDF2WithHmacSHA256:iterations:salt:hash}
 * (salt and hash in Base64): the layout of Jakarta Security's {@code Pbkdf2PasswordHash}, so the
 * portal's identity store can verify what the schema holds without a custom algorithm.
 */
public final class PasswordHash {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String encoded;

    private PasswordHash(String encoded) {
        this.encoded = encoded;
    }

    /** Hashes a new password with a fresh random salt. */
    public static PasswordHash of(char[] password) {
        return of(password, ITERATIONS);
    }

    static PasswordHash of(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        return new PasswordHash(ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash));
    }

    /** Reads a stored hash; rejects anything not in the documented form. */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + ALGORITHM + " password hash");
        }
        try {
            if (Integer.parseInt(parts[1]) < 1) {
                throw new IllegalArgumentException("iterations must be positive");
            }
            Base64.getDecoder().decode(parts[2]);
            Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed password hash: " + e.getMessage(), e);
        }
        return new PasswordHash(encoded);
    }

    /** Checks a candidate password in constant time with respect to the stored hash. */
    public boolean matches(char[] candidate) {
        String[] parts = encoded.split(":");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, pbkdf2(candidate, salt, iterations));
    }

    public String encoded() {
        return encoded;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Never the hash itself: a stored credential has no business in a log line. */
    @Override
    public String toString() {
        return "PasswordHash[" + ALGORITHM + "]";
    }
}
