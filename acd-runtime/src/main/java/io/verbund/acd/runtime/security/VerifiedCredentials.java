package io.verbund.acd.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private record Entry(Caller caller, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final byte[] salt = new byte[16];

    public VerifiedCredentials(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    public Optional<Caller> lookup(BasicCredentials credentials) {
        String key = key(credentials);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    public void remember(BasicCredentials credentials, Caller caller) {
        if (entries.size() >= SIZE_LIMIT) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (entries.size() >= 2 * SIZE_LIMIT) {
                entries.clear();
            }
        }
        entries.put(key(credentials), new Entry(caller, clock.instant().plus(TIME_TO_LIVE)));
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
