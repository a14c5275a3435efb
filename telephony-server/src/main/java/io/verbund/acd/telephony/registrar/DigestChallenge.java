package io.verbund.acd.telephony.registrar;

import io.verbund.acd.agent.SipCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest authentication (RFC 2617, RFC 3261 §22.4) with stateless nonces: a nonce carries its own
 * time, a random part and an HMAC of both, so no node needs to remember which nonces it handed out, and a nonce
 * older than {@link #NONCE_LIFETIME} is refused as stale.
 * <p>
 * The HMAC key is random per node and start, on purpose not the cluster's secret: a nonce then only
 * verifies on the node that issued it, so that node's {@link NonceUses} sees every use of it and
 * replay protection needs no cluster write per REGISTER. A nonce that reaches another node (a
 * failover, a changed dispatcher set) is answered with that node's own stale challenge.
 */
public final class DigestChallenge {

    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();

    public DigestChallenge() {
        random.nextBytes(secret);
    }

    /**
     * A nonce no other challenge gets, even in the same millisecond: {@link NonceUses} counts each
     * nonce's uses, so two phones challenged at once must never share one (the second would look
     * like a replay of the first).
     */
    public String newNonce(Instant now) {
        byte[] unique = new byte[9];
        random.nextBytes(unique);
        String payload = now.toEpochMilli() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(unique);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((payload + ":" + hmac(payload)).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isFresh(String nonce, Instant now) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int mac = decoded.lastIndexOf(':');
            String payload = decoded.substring(0, mac);
            if (!MessageDigest.isEqual(hmac(payload).getBytes(StandardCharsets.US_ASCII),
                    decoded.substring(mac + 1).getBytes(StandardCharsets.US_ASCII))) {
                return false;
            }
            Instant issued = Instant.ofEpochMilli(Long.parseLong(payload.substring(0, payload.indexOf(':'))));
            return !issued.isAfter(now) && Duration.between(issued, now).compareTo(NONCE_LIFETIME) <= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The response the phone must have sent, for {@code qop=auth} or for no qop at all. */
    public static String expectedResponse(SipCredentials credentials, String method, String uri, String nonce,
                                          String qop, String nonceCount, String clientNonce) {
        String ha2 = md5(method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return md5(credentials.ha1() + ":" + nonce + ":" + ha2);
        }
        return md5(credentials.ha1() + ":" + nonce + ":" + nonceCount + ":" + clientNonce + ":" + qop + ":" + ha2);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
