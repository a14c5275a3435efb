package io.verbund.acd.portal.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Whose data to remove: the caller number (or SIP user) exactly as the call records show it.
 * No quotes, spaces or backslashes: such a value was never presented as a caller.
 */
public record ErasureRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9+*#._@:-]+", message = "{verbund.erasure.caller}")
        String caller) {

    /** Never the number itself: it is what the request asks to forget. */
    @Override
    public String toString() {
        return "ErasureRequest[" + ErasureDocument.masked(caller) + "]";
    }
}
