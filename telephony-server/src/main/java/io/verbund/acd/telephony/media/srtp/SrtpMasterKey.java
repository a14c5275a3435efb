package io.verbund.acd.telephony.media.srtp;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A master key and master salt (16 + 14 bytes), as an SDES {@code inline:} parameter carries them.
 * Never printed: {@link #toString} names no byte of it, so a key cannot slip into a log line with
 * the negotiated media it belongs to.
 */
public final class SrtpMasterKey {

    public static final int KEY_LENGTH = 16;
    public static final int SALT_LENGTH = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] keyAndSalt;

    private SrtpMasterKey(byte[] keyAndSalt) {
        this.keyAndSalt = keyAndSalt;
    }

    /** A fresh key for one leg's sending side. */
    public static SrtpMasterKey random() {
        byte[] bytes = new byte[KEY_LENGTH + SALT_LENGTH];
        RANDOM.nextBytes(bytes);
        return new SrtpMasterKey(bytes);
    }

    public static SrtpMasterKey of(byte[] key, byte[] salt) {
        if (key.length != KEY_LENGTH || salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("an AES-128 master key is 16 bytes and its salt 14");
        }
        byte[] bytes = Arrays.copyOf(key, KEY_LENGTH + SALT_LENGTH);
        System.arraycopy(salt, 0, bytes, KEY_LENGTH, SALT_LENGTH);
        return new SrtpMasterKey(bytes);
    }

    /**
     * The key of an {@code inline:} parameter: base64 of key || salt, exactly 30 bytes.
     *
     * @throws IllegalArgumentException when it is not (the message never quotes the key)
     */
    public static SrtpMasterKey ofBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the inline key is not base64");
        }
        if (bytes.length != KEY_LENGTH + SALT_LENGTH) {
            throw new IllegalArgumentException("the inline key is " + bytes.length + " bytes, not 30");
        }
        return new SrtpMasterKey(bytes);
    }

    /** What goes after {@code inline:}. */
    public String base64() {
        return Base64.getEncoder().encodeToString(keyAndSalt);
    }

    byte[] key() {
        return Arrays.copyOfRange(keyAndSalt, 0, KEY_LENGTH);
    }

    byte[] salt() {
        return Arrays.copyOfRange(keyAndSalt, KEY_LENGTH, KEY_LENGTH + SALT_LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpMasterKey that && MessageDigest.isEqual(keyAndSalt, that.keyAndSalt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyAndSalt);
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[hidden]";
    }
}
