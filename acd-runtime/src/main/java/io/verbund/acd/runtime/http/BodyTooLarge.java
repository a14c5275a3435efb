package io.verbund.acd.runtime.http;

import java.io.IOException;

/**
 * A request body longer than its endpoint allows ({@link BodyLimits}), found while it is read (a
 * body without {@code Content-Length}); the problem mappers answer 413 when they meet it.
 */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("The request body is larger than the " + limit + " bytes this endpoint accepts");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The {@link BodyTooLarge} somewhere in the failure's causes, or null. */
    public static BodyTooLarge in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
