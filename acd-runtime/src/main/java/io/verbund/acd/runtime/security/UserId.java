package io.verbund.acd.runtime.security;

/** A portal user, {@code app_user.id}. */
public record UserId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
