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
    private final String detail;

    public StorageFailure(String message, int status, String problemType, Optional<Long> uploadOffset, Throwable cause) {
        this(message, status, problemType, "", uploadOffset, cause);
    }

    /** @param detail the service's own sentence for the client (the problem's {@code detail}), empty when none came */
    public StorageFailure(String message, int status, String problemType, String detail, Optional<Long> uploadOffset, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
        this.detail = detail;
        this.uploadOffset = uploadOffset;
    }

    /** The service's problem {@code detail}, written for the client (e.g. "prompts must be mono"); empty when none came. */
    public String detail() {
        return detail;
    }

    /** The service refused the request itself (4xx), as opposed to failing or being unreachable. */
    public boolean refused() {
        return status >= 400 && status < 500;
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
