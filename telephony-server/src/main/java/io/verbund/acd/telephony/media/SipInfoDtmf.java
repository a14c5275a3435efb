package io.verbund.acd.telephony.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The digit in a SIP INFO body, for phones that send DTMF out of band: {@code application/dtmf-relay}
 * ({@code Signal=5} and {@code Duration=160} lines) and {@code application/dtmf} (the digit alone).
 * Signals 10 and 11 are {@code *} and {@code #}, as some phones send them.
 */
public final class SipInfoDtmf {

    private static final String DIGITS = "0123456789*#ABCD";

    private SipInfoDtmf() {
    }

    /**
     * @param contentType the INFO's Content-Type (parameters allowed)
     * @return the digit; empty for another content type or a body without a valid digit
     */
    public static Optional<Character> parse(String contentType, String body) {
        if (contentType == null || body == null) {
            return Optional.empty();
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/dtmf-relay")) {
            for (String line : body.split("\r?\n|\r")) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.substring(0, equals).strip().equalsIgnoreCase("signal")) {
                    return digit(line.substring(equals + 1).strip());
                }
            }
            return Optional.empty();
        }
        if (type.equals("application/dtmf")) {
            return digit(body.strip());
        }
        return Optional.empty();
    }

    private static Optional<Character> digit(String signal) {
        if (signal.equals("10")) {
            return Optional.of('*');
        }
        if (signal.equals("11")) {
            return Optional.of('#');
        }
        if (signal.length() == 1 && DIGITS.indexOf(Character.toUpperCase(signal.charAt(0))) >= 0) {
            return Optional.of(Character.toUpperCase(signal.charAt(0)));
        }
        return Optional.empty();
    }
}
