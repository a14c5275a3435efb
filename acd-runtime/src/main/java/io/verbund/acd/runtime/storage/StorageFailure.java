package io.verbund.acd.runtime.storage;

import java.util.Optional;

/**
 * The storage service refused a request or could not be reached. Carries the HTTP status (0 when
 * there was no answer), the problem type, and for a streaming upload the offset the service
 * reported, so a recorder can resume from there.
 */
public class StorageFailure extends RuntimeException {

    private final int status;
    private final String problemType;
    private final Optional<Long> uploadOffset;

    public StorageFailure(String message, int status, String problemType, Optional<Long> uploadOffset, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
        this.uploadOffset = uploadOffset;
    }

    public int status() {
        return status;
    }

    /** The problem's {@code type}, e.g. {@code urn:verbund-acd:problem:quota-exceeded}; empty when none came. */
    public String problemType() {
        return problemType;
    }

    public Optional<Long> uploadOffset() {
        return uploadOffset;
    }
}
