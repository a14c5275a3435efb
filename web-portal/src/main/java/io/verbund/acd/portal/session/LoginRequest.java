package io.verbund.acd.portal.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /session}. The password never appears in {@link #toString()}. */
public record LoginRequest(@NotBlank @Size(max = 120) String login, @NotBlank @Size(max = 200) String password) {

    @Override
    public String toString() {
        return "LoginRequest[" + login + "]";
    }
}
