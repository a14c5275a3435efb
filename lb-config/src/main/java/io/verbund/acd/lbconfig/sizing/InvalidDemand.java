package io.verbund.acd.lbconfig.sizing;

/** An input the sizing cannot work with; the message starts with the option of {@code lb-config size} that carries it. */
public final class InvalidDemand extends IllegalArgumentException {

    /** @param input the option's name without its dashes */
    InvalidDemand(String input, String problem) {
        super("--" + input + ": " + problem);
    }
}
