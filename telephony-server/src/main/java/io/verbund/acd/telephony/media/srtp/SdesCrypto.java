package io.verbund.acd.telephony.media.srtp;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code a=crypto} attribute of RFC 4568 (SDES) that we can use:
 * {@code <tag> <suite> inline:<base64 key||salt>[|<lifetime>]}. Everything else is refused by
 * {@link #parse} returning empty, never half-used: an unknown suite, an MKI (we send none and
 * cannot tell keys apart by it), several keys, a lifetime under 2²⁰ packets (we never re-key; at
 * 50 packets a second 2²⁰ is 5.8 hours) and any session parameter ({@code KDR},
 * {@code UNENCRYPTED_SRTP}, {@code UNAUTHENTICATED_SRTP}, …: each would weaken or change the
 * protection). {@link #toString} hides the key.
 *
 * @param tag the offerer's number for this line, answered with the same
 */
public record SdesCrypto(int tag, SrtpSuite suite, SrtpMasterKey key) {

    private static final long MIN_LIFETIME = 1L << 20;

    public SdesCrypto {
        Objects.requireNonNull(suite);
        Objects.requireNonNull(key);
        if (tag < 0 || tag > 999_999_999) {
            throw new IllegalArgumentException("a crypto tag has at most 9 digits");
        }
    }

    /** The attribute's value (what follows {@code a=crypto:}), empty when it is nothing we take. */
    public static Optional<SdesCrypto> parse(String value) {
        String[] parts = value.strip().split("\\s+");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        Optional<SrtpSuite> suite = SrtpSuite.ofName(parts[1]);
        String keyParams = parts[2];
        if (suite.isEmpty() || !keyParams.startsWith("inline:") || keyParams.indexOf(';') >= 0) {
            return Optional.empty();
        }
        String[] inline = keyParams.substring("inline:".length()).split("\\|", -1);
        if (inline.length > 2 || inline.length == 2 && !longEnough(inline[1])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SdesCrypto(Integer.parseInt(parts[0]), suite.get(), SrtpMasterKey.ofBase64(inline[0])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A lifetime ({@code 2^n} or decimal) we will not outlive; an MKI ({@code n:m}) is refused here too. */
    private static boolean longEnough(String lifetime) {
        try {
            if (lifetime.startsWith("2^")) {
                return Integer.parseInt(lifetime.substring(2)) >= 20;
            }
            return Long.parseLong(lifetime) >= MIN_LIFETIME;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The attribute's value for our SDP. */
    public String attributeValue() {
        return tag + " " + suite.name() + " inline:" + key.base64();
    }
}
