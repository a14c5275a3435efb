package io.verbund.acd.lbconfig.output;

/** The output directory could not be written or replaced; whatever was there before is unchanged. */
public final class CannotWriteOutput extends Exception {

    public CannotWriteOutput(String message, Throwable cause) {
        super(message, cause);
    }
}
