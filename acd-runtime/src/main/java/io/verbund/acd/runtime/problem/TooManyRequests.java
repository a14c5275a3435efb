package io.verbund.acd.runtime.problem;

import java.time.Duration;

/** 429: the client tried too often; it may try again after {@link #retryAfter()}. */
public class TooManyRequests extends ApiProblem {

    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
        super("too-many-requests", "Too many requests", detail, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
