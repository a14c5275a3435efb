package io.verbund.acd.call;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The external numbers a tenant's calls may be transferred to: without such a list anyone who can
 * transfer a call (a supervisor, an API token, a call flow's author) could send callers to premium
 * or foreign numbers on the installation's trunk (toll fraud). Internal targets (agents) are not
 * numbers and are always allowed; an external number only when it matches one of the patterns.
 * No patterns: no external transfers at all (the default of every tenant).
 * <p>
 * A pattern is a number in E.164 form whose digits may be {@code x} (any one digit) and which may
 * end in {@code *} (any further digits): {@code +4930*}, {@code +49301234xxx}, {@code +4940123456}.
 */
public final class TransferNumbers {

    private static final Pattern FORM = Pattern.compile("\\+[0-9xX]{1,15}\\*?");
    private static final TransferNumbers NONE = new TransferNumbers(List.of());

    private final List<String> patterns;

    private TransferNumbers(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static TransferNumbers none() {
        return NONE;
    }

    /** @throws IllegalArgumentException naming the first pattern that is not one */
    public static TransferNumbers of(List<String> patterns) {
        for (String pattern : patterns) {
            problem(pattern).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        return new TransferNumbers(patterns.stream().map(pattern -> pattern.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList());
    }

    /** As stored: the patterns separated by spaces; null or blank for none. */
    public static TransferNumbers parse(String stored) {
        return stored == null || stored.isBlank() ? NONE : of(Arrays.asList(stored.strip().split("\\s+")));
    }

    /** @return what is wrong with a pattern, or empty when it is one */
    public static Optional<String> problem(String pattern) {
        if (pattern == null || !FORM.matcher(pattern.strip()).matches()) {
            return Optional.of("'" + pattern + "' is no number pattern: + and up to 15 digits or x (any digit),"
                    + " optionally ending in * (any further digits), such as +4930* or +49301234xxx");
        }
        return Optional.empty();
    }

    public boolean allows(TransferTarget target) {
        return !target.isNumber() || allows(target.value());
    }

    public boolean allows(String number) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, number));
    }

    private static boolean matches(String pattern, String number) {
        boolean open = pattern.endsWith("*");
        int fixed = open ? pattern.length() - 1 : pattern.length();
        if (open ? number.length() < fixed : number.length() != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            char want = pattern.charAt(i);
            char have = number.charAt(i);
            boolean ok = want == 'x' ? have >= '0' && have <= '9' : want == have;
            if (!ok) {
                return false;
            }
        }
        for (int i = fixed; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public List<String> patterns() {
        return patterns;
    }

    /** As stored: space-separated, null for none. */
    public String stored() {
        return patterns.isEmpty() ? null : String.join(" ", patterns);
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "no external numbers" : String.join(" ", patterns);
    }
}
