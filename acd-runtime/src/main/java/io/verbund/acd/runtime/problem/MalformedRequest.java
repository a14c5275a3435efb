package io.verbund.acd.runtime.problem;

/** 400: the request itself is wrong (body, field or value); the detail names what and what is expected. */
public class MalformedRequest extends ApiProblem {

    public MalformedRequest(String detail) {
        super("malformed-request", "Malformed request", detail, null);
    }
}
