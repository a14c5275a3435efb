package io.verbund.acd.storage.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a file of a known size (RFC 9110 §14): the whole file, one
 * part of it, or nothing it has. A header that is not a single well-formed byte range is ignored,
 * as the RFC allows, and the whole file is sent; several ranges are answered with the whole file
 * too (no multipart answers).
 *
 * @param kind  which of the three
 * @param first the first byte sent, inclusive
 * @param last  the last byte sent, inclusive
 */
public record ByteRange(Kind kind, long first, long last) {

    public enum Kind { WHOLE, PART, UNSATISFIABLE }

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)-(\\d*)\\s*");

    public static ByteRange of(String header, long size) {
        ByteRange whole = new ByteRange(Kind.WHOLE, 0, size - 1);
        if (header == null || header.isBlank()) {
            return whole;
        }
        Matcher matcher = SINGLE.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return whole;
        }
        String from = matcher.group(1);
        String to = matcher.group(2);
        try {
            if (from.isEmpty()) {
                if (to.isEmpty()) {
                    return whole;
                }
                long suffix = Long.parseLong(to);
                if (suffix == 0 || size == 0) {
                    return unsatisfiable(size);
                }
                return new ByteRange(Kind.PART, Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(from);
            if (!to.isEmpty() && Long.parseLong(to) < first) {
                return whole;
            }
            long last = to.isEmpty() ? size - 1 : Long.parseLong(to);
            if (first >= size) {
                return unsatisfiable(size);
            }
            return new ByteRange(Kind.PART, first, Math.min(last, size - 1));
        } catch (NumberFormatException tooLong) {
            return whole;
        }
    }

    private static ByteRange unsatisfiable(long size) {
        return new ByteRange(Kind.UNSATISFIABLE, 0, size - 1);
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of a partial answer. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
