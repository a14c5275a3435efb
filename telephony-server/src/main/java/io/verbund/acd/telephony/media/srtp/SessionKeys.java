package io.verbund.acd.telephony.media.srtp;

/**
 * The session keys of one direction of SRTP or of SRTCP (RFC 3711 §4.3), derived once from the
 * master key (key derivation rate 0), with the cipher, the MAC and the IV and tag buffers they
 * work on. Not thread-safe: each direction is used by one media thread at a time.
 */
final class SessionKeys {

    /** The labels of §4.3.2; the authentication key and the salt follow the encryption key's. */
    static final int RTP = 0x00;
    static final int RTCP = 0x03;
    private static final int AUTH_KEY_LENGTH = 20;

    private final AesCounterMode cipher;
    private final HmacSha1 mac;
    private final byte[] salt;
    private final byte[] iv = new byte[16];
    final byte[] tag = new byte[HmacSha1.LENGTH];

    SessionKeys(SrtpMasterKey master, int encryptionLabel) {
        byte[] masterKey = master.key();
        byte[] masterSalt = master.salt();
        this.cipher = new AesCounterMode(AesCounterMode.derive(masterKey, masterSalt, encryptionLabel, SrtpMasterKey.KEY_LENGTH));
        this.mac = new HmacSha1(AesCounterMode.derive(masterKey, masterSalt, encryptionLabel + 1, AUTH_KEY_LENGTH));
        this.salt = AesCounterMode.derive(masterKey, masterSalt, encryptionLabel + 2, SrtpMasterKey.SALT_LENGTH);
    }

    /**
     * En- or decrypts in place with the IV of §4.1.1: {@code (salt·2¹⁶) XOR (SSRC·2⁶⁴) XOR (index·2¹⁶)}.
     */
    void crypt(int ssrc, long index, byte[] data, int offset, int length) {
        System.arraycopy(salt, 0, iv, 0, salt.length);
        iv[4] ^= (byte) (ssrc >> 24);
        iv[5] ^= (byte) (ssrc >> 16);
        iv[6] ^= (byte) (ssrc >> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >> (40 - 8 * i));
        }
        iv[14] = 0;
        iv[15] = 0;
        cipher.apply(iv, data, offset, length);
    }

    /** The MAC of {@code data[0, length)} followed by {@code trailer} (the ROC), into {@link #tag}. */
    void authenticate(byte[] data, int length, int trailer) {
        mac.start();
        mac.update(data, 0, length);
        mac.update(trailer);
        mac.finish(tag);
    }

    /** The MAC of {@code data[0, length)} (SRTCP: the E flag and index are part of it), into {@link #tag}. */
    void authenticate(byte[] data, int length) {
        mac.start();
        mac.update(data, 0, length);
        mac.finish(tag);
    }

    /** Whether {@code data[at, at + length)} is the first {@code length} bytes of {@link #tag}, in time independent of where they differ. */
    boolean tagMatches(byte[] data, int at, int length) {
        int difference = 0;
        for (int i = 0; i < length; i++) {
            difference |= tag[i] ^ data[at + i];
        }
        return difference == 0;
    }
}
