package io.verbund.acd.call;

import java.util.Objects;

/**
 * A call across the cluster: the Call-ID of the caller's INVITE (RFC 3261 8.1.1.4), which is
 * unique worldwide by construction. Up to 255 visible ASCII characters, as the records store it;
 * never {@code |}, which separates fields in the shared cache.
 */
public record CallId(String value) {

    public CallId {
        Objects.requireNonNull(value, "call id");
        if (value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '|')) {
            throw new IllegalArgumentException("a call id is 1-255 visible ASCII characters without '|': " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
