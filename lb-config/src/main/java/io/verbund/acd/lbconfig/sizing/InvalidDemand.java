package io.verbund.acd.lbconfig.sizing;

/** An input the sizing cannot work with; {@link #input()} is its name as {@code lb-config size} spells the option. */
public final class InvalidDemand extends IllegalArgumentException {

    private final String input;

    InvalidDemand(String input, String problem) {
        super("--" + input + ": " + problem);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
