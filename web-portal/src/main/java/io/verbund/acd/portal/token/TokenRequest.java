package io.verbund.acd.portal.token;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A new API token: what the integrator calls it, what it may do ({@code config:read},
 * {@code agents:write}, …) and, optionally, when it stops working.
 */
public record TokenRequest(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 20) List<@NotBlank String> scopes,
                           @Future Instant expiresAt) {
}
