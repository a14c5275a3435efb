package io.verbund.acd.storage.file;

import io.verbund.acd.storage.StorageProblem;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The name of one stored file inside its tenant's category folder: always a single, flat path
 * element that resolves to a child of that folder. Only letters, digits, blanks and
 * {@code . _ - + ( ) @ = ,} are allowed, so every trick to leave the folder is refused before any
 * path is built: {@code ..}, {@code /} and {@code \} in any spelling (percent signs are not
 * allowed, so no encoded form survives either), NUL and control characters, and the replacement
 * character that a decoder leaves for overlong or broken UTF-8. Names starting with a dot are
 * refused too: the store keeps its temporary files and checksums under such names.
 */
public record FileName(String value) {

    public static final int MAX_UTF8_BYTES = 200;

    public FileName {
        String problem = problemWith(value);
        if (problem != null) {
            throw StorageProblem.invalidName(problem);
        }
    }

    /** What is wrong with {@code candidate} as a file name, or null when it is a good one. */
    static String problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return "A file name must not be empty";
        }
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "A file name may have at most " + MAX_UTF8_BYTES + " bytes in UTF-8";
        }
        if (candidate.equals(".") || candidate.equals("..") || candidate.contains("..")) {
            return "A file name must not contain '..'";
        }
        if (candidate.startsWith(".")) {
            return "A file name must not start with '.' (hidden files are the store's own)";
        }
        if (candidate.startsWith(" ") || candidate.endsWith(" ") || candidate.endsWith(".")) {
            return "A file name must not start or end with a blank, nor end with '.'";
        }
        if (!Normalizer.isNormalized(candidate, Normalizer.Form.NFC)) {
            return "A file name must be in Unicode normal form C";
        }
        for (int i = 0; i < candidate.length(); ) {
            int c = candidate.codePointAt(i);
            if (!allowed(c)) {
                return "A file name must not contain " + describe(c)
                        + "; allowed are letters, digits, blanks and . _ - + ( ) @ = ,";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean allowed(int c) {
        if (c == ' ' || c == '.' || c == '_' || c == '-' || c == '+' || c == '(' || c == ')' || c == '@' || c == '=' || c == ',') {
            return true;
        }
        return Character.isLetterOrDigit(c);
    }

    private static String describe(int c) {
        return switch (c) {
            case '/' -> "'/' (no sub-folders)";
            case '\\' -> "'\\'";
            case '%' -> "'%' (no percent-encoding)";
            case 0 -> "NUL";
            case 0xFFFD -> "U+FFFD (invalid UTF-8 in the request)";
            default -> Character.isISOControl(c) || !Character.isDefined(c) || Character.getType(c) == Character.FORMAT
                    ? String.format("the control character U+%04X", c) : "'" + new String(Character.toChars(c)) + "'";
        };
    }

    /** The part after the last dot, lower case, or empty. */
    public String extension() {
        int dot = value.lastIndexOf('.');
        return dot < 0 ? "" : value.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
