package io.verbund.acd.node;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test's own far end of SRTP (RFC 3711, AES_CM_128_HMAC_SHA1_80, RTP only), written apart
 * from the node's implementation and the plain way (JDK's AES/CTR and HmacSHA1, a new array per
 * packet): what the node sends must open with it, and what it protects must pass the node. One
 * direction per instance; the rollover counter follows the sequence numbers of a stream in order.
 */
final class SrtpPeer {

    private static final int TAG = 10;

    private final byte[] encryptionKey;
    private final byte[] authenticationKey;
    private final byte[] salt;
    private int roc;
    private int last = -1;

    /** @param keyAndSalt the 30 bytes of an {@code inline:} parameter */
    SrtpPeer(byte[] keyAndSalt) {
        byte[] master = Arrays.copyOf(keyAndSalt, 16);
        byte[] masterSalt = Arrays.copyOfRange(keyAndSalt, 16, 30);
        encryptionKey = derive(master, masterSalt, 0, 16);
        authenticationKey = derive(master, masterSalt, 1, 20);
        salt = derive(master, masterSalt, 2, 14);
    }

    /** An SRTP packet of this RTP packet (12-byte header); the first call's sequence number starts the stream. */
    byte[] protect(byte[] rtp) {
        int sequence = ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
        follow(sequence);
        byte[] packet = Arrays.copyOf(rtp, rtp.length + TAG);
        byte[] payload = crypt(ByteBuffer.wrap(rtp).getInt(8), sequence, Arrays.copyOfRange(rtp, 12, rtp.length));
        System.arraycopy(payload, 0, packet, 12, payload.length);
        System.arraycopy(tag(packet, rtp.length), 0, packet, rtp.length, TAG);
        return packet;
    }

    /** The RTP packet in an SRTP packet, or null when its tag is wrong. */
    byte[] unprotect(byte[] srtp) {
        int end = srtp.length - TAG;
        int sequence = ((srtp[2] & 0xFF) << 8) | (srtp[3] & 0xFF);
        int previousRoc = roc;
        int previousLast = last;
        follow(sequence);
        if (!MessageDigest.isEqual(tag(srtp, end), Arrays.copyOfRange(srtp, end, srtp.length))) {
            roc = previousRoc;
            last = previousLast;
            return null;
        }
        byte[] rtp = Arrays.copyOf(srtp, end);
        byte[] payload = crypt(ByteBuffer.wrap(srtp).getInt(8), sequence, Arrays.copyOfRange(srtp, 12, end));
        System.arraycopy(payload, 0, rtp, 12, payload.length);
        return rtp;
    }

    private void follow(int sequence) {
        if (last >= 0 && sequence < last && last - sequence > 0x8000) {
            roc++;
        }
        last = sequence;
    }

    private byte[] crypt(int ssrc, int sequence, byte[] data) {
        byte[] iv = new byte[16];
        System.arraycopy(salt, 0, iv, 0, 14);
        ByteBuffer ids = ByteBuffer.allocate(16).putInt(4, ssrc).putInt(8, roc).putShort(12, (short) sequence);
        for (int i = 4; i < 14; i++) {
            iv[i] ^= ids.get(i);
        }
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new IvParameterSpec(iv));
            return aes.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] tag(byte[] packet, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authenticationKey, "HmacSHA1"));
            mac.update(packet, 0, length);
            mac.update(ByteBuffer.allocate(4).putInt(roc).array());
            return Arrays.copyOf(mac.doFinal(), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] master, byte[] masterSalt, int label, int length) {
        byte[] iv = Arrays.copyOf(masterSalt, 16);
        iv[7] ^= (byte) label;
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master, "AES"), new IvParameterSpec(iv));
            return aes.doFinal(new byte[length]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
