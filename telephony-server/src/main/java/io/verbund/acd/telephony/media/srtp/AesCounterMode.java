package io.verbund.acd.telephony.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 in counter mode as RFC 3711 §4.1.1 defines it: block {@code j} of the keystream is AES of
 * {@code IV + j}, where the IV's low 16 bits are zero and hold the block counter. Built on one
 * {@code AES/ECB/NoPadding} cipher initialised once with the session key: the counter blocks of up
 * to 16 AES blocks are encrypted in one call into a reused buffer, so a packet costs no allocation
 * and no cipher re-initialisation (which {@code AES/CTR} would need for every new IV). Not thread-safe:
 * one per sending or receiving side.
 */
final class AesCounterMode {

    private static final int BLOCK = 16;
    private static final int CHUNK_BLOCKS = 16;

    private final Cipher aes;
    private final byte[] counters = new byte[CHUNK_BLOCKS * BLOCK];
    private final byte[] keystream = new byte[CHUNK_BLOCKS * BLOCK];

    AesCounterMode(byte[] key) {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /**
     * XORs {@code data[offset, offset + length)} with the keystream starting at {@code iv} (16 bytes,
     * the last two zero); encrypts and decrypts alike. At most 2²⁰ bytes (65536 blocks).
     */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        int block = 0;
        while (length > 0) {
            int blocks = Math.min(CHUNK_BLOCKS, (length + BLOCK - 1) / BLOCK);
            for (int b = 0; b < blocks; b++) {
                int at = b * BLOCK;
                System.arraycopy(iv, 0, counters, at, BLOCK - 2);
                int counter = block + b;
                counters[at + 14] = (byte) (counter >> 8);
                counters[at + 15] = (byte) counter;
            }
            try {
                aes.update(counters, 0, blocks * BLOCK, keystream, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException("the keystream buffer holds a whole chunk", e);
            }
            int bytes = Math.min(length, blocks * BLOCK);
            for (int i = 0; i < bytes; i++) {
                data[offset + i] ^= keystream[i];
            }
            offset += bytes;
            length -= bytes;
            block += blocks;
        }
    }

    /**
     * The key derivation of RFC 3711 §4.3.1 with key derivation rate 0 (what SDES signals by
     * leaving it out): AES-CM under the master key, its IV the master salt XOR the label at byte 7.
     */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[BLOCK];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        byte[] out = new byte[length];
        new AesCounterMode(masterKey).apply(iv, out, 0, length);
        return out;
    }
}
