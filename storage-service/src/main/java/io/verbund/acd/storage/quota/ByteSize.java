package io.verbund.acd.storage.quota;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as configuration spells them: {@code 1048576}, {@code 500MiB}, {@code 10GiB}, {@code 2TB}. */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]i?b?|b)?");

    private ByteSize() {
    }

    /** @throws IllegalArgumentException naming the text when it is no size */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is no size; write e.g. 1048576, 500MiB or 10GiB");
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        boolean binary = unit.contains("i") || unit.length() == 1 && !unit.equals("b");
        long base = binary ? 1024 : 1000;
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        long factor = 1;
        for (int i = 0; i < power; i++) {
            factor = Math.multiplyExact(factor, base);
        }
        return Math.multiplyExact(number, factor);
    }
}
