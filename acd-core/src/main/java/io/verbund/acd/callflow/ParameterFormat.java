package io.verbund.acd.callflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * What a node parameter's value must look like. Values are stored as text (a graph's JSON may hold
 * numbers and booleans; they arrive here as their text), so every format reads text.
 */
public sealed interface ParameterFormat {

    boolean accepts(String value);

    /** The accepted values in the admin's words, completing "must be …". */
    String expectation();

    /** Any text, also empty: a variable may be set to nothing. */
    record AnyText() implements ParameterFormat {
        @Override
        public boolean accepts(String value) {
            return true;
        }

        @Override
        public String expectation() {
            return "text";
        }
    }

    /** A whole number in decimal digits within the bounds (both inclusive). */
    record WholeNumber(int min, int max) implements ParameterFormat {

        // At most ten digits: anything longer overflows an int anyway, and the bound keeps parseLong safe.
        private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,10}");

        public static WholeNumber atLeast(int min) {
            return new WholeNumber(min, Integer.MAX_VALUE);
        }

        @Override
        public boolean accepts(String value) {
            if (!DIGITS.matcher(value).matches()) {
                return false;
            }
            long number = Long.parseLong(value);
            return number >= min && number <= max;
        }

        @Override
        public String expectation() {
            return max == Integer.MAX_VALUE ? "a whole number of at least " + min : "a whole number from " + min + " to " + max;
        }
    }

    /** Text matching a pattern that is easier described than quoted, e.g. an E.164 number. */
    record Matching(Pattern pattern, String expectation) implements ParameterFormat {
        @Override
        public boolean accepts(String value) {
            return pattern.matcher(value).matches();
        }
    }

    /** An absolute http or https URL with a host: the only schemes a lookup may call. */
    record HttpUrl() implements ParameterFormat {
        @Override
        public boolean accepts(String value) {
            try {
                URI uri = new URI(value);
                return uri.getScheme() != null
                        && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                        && uri.getHost() != null && !uri.getHost().isBlank();
            } catch (URISyntaxException e) {
                return false;
            }
        }

        @Override
        public String expectation() {
            return "an http or https URL";
        }
    }

    /** Exactly {@code true} or {@code false}, as JSON writes them. */
    record YesNo() implements ParameterFormat {
        @Override
        public boolean accepts(String value) {
            return value.equals("true") || value.equals("false");
        }

        @Override
        public String expectation() {
            return "true or false";
        }
    }

    /**
     * The name of something the tenant has configured. This format only rejects a blank name;
     * whether the tenant has it is asked separately, since that needs the tenant.
     */
    record NameOf(TenantResource resource) implements ParameterFormat {
        @Override
        public boolean accepts(String value) {
            return !value.isBlank();
        }

        @Override
        public String expectation() {
            return "the name of " + resource.oneOf();
        }
    }
}
