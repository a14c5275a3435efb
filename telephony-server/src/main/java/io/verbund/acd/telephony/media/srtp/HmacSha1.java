package io.verbund.acd.telephony.media.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over one reused {@code MessageDigest}, with the padded keys kept. Written
 * out rather than taken from {@code javax.crypto.Mac}: the JDK's {@code Mac.doFinal(byte[], int)}
 * allocates two arrays per call (the inner digest and the result it copies out), and this runs
 * for every packet on the media threads. The work is the same (the JDK's HMAC also re-hashes the
 * inner pad after every reset); {@code SrtpCryptoTest} checks the output against {@code Mac}'s.
 * Not thread-safe.
 */
final class HmacSha1 {

    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];
    private final byte[] word = new byte[4];

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("SRTP authentication keys are 20 bytes");
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
    }

    void start() {
        sha1.reset();
        sha1.update(innerPad);
    }

    void update(byte[] data, int offset, int length) {
        sha1.update(data, offset, length);
    }

    /** Four bytes, big-endian (the rollover counter). */
    void update(int value) {
        word[0] = (byte) (value >> 24);
        word[1] = (byte) (value >> 16);
        word[2] = (byte) (value >> 8);
        word[3] = (byte) value;
        sha1.update(word, 0, 4);
    }

    /** The 20-byte MAC into {@code out[0..20)}. */
    void finish(byte[] out) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(outerPad);
            sha1.update(inner);
            sha1.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("the output holds a SHA-1 digest", e);
        }
    }
}
