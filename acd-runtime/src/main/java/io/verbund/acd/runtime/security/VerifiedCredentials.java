package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.cache.TimedCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Credentials verified recently, so a client sending Basic credentials with every request pays
 * PBKDF2 (~0.2 s) once per {@link #TIME_TO_LIVE} instead of every time. Keyed by login and a salted
 * SHA-256 of the presented password: the password itself is never kept, and a different password
 * for the same login is never a hit. Only successful verifications are remembered. A user disabled
 * or given a new password meanwhile keeps working with the old one until its entry expires.
 */
public final class VerifiedCredentials {

    /** How long one successful verification is trusted. */
    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    /** Above this many entries the expired ones are dropped; above twice as many, all. */
    static final int SIZE_LIMIT = 10_000;

    private final TimedCache<String, Caller> entries;
    private final byte[] salt = new byte[16];

    public VerifiedCredentials(Clock clock) {
        this.entries = new TimedCache<>(TIME_TO_LIVE, SIZE_LIMIT, clock);
        new SecureRandom().nextBytes(salt);
    }

    public Optional<Caller> lookup(BasicCredentials credentials) {
        return entries.get(key(credentials));
    }

    public void remember(BasicCredentials credentials, Caller caller) {
        entries.put(key(credentials), caller);
    }

    int size() {
        return entries.size();
    }

    private String key(BasicCredentials credentials) {
        MessageDigest sha256 = sha256();
        sha256.update(salt);
        sha256.update(credentials.password().getBytes(StandardCharsets.UTF_8));
        return credentials.login() + '\n' + HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
